import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, buttonClass } from './button.tsx';

describe('Button', () => {
  it('is a plain button by default, never a form submit by accident', () => {
    render(<Button>Cancel</Button>);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveAttribute('type', 'button');
  });

  it('busy: keeps its name, says it is busy, and ignores clicks', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <Button variant="primary" loading onClick={onClick}>
        Save changes
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save changes' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    await userEvent.setup().click(button);
    expect(onClick).not.toHaveBeenCalled();

    rerender(
      <Button variant="primary" onClick={onClick}>
        Save changes
      </Button>,
    );
    expect(button).not.toHaveAttribute('aria-busy');
    await userEvent.setup().click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('carries the variant and size classes, also for a link that looks like a button', () => {
    render(
      <Button variant="danger" size="sm" className="extra">
        Delete
      </Button>,
    );
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveClass(
      'btn',
      'btn-danger',
      'btn-sm',
      'extra',
    );
    expect(buttonClass('primary')).toBe('btn btn-primary');
    expect(buttonClass('link', 'sm')).toBe('btn btn-link btn-sm');
  });
});
