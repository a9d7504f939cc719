import { render, screen } from '@testing-library/react';
import { EmptyState } from './empty-state.tsx';
import { StatusLine } from './status-line.tsx';

describe('StatusLine', () => {
  it('is a live region that exists before its first message, so that message is announced', () => {
    const { rerender } = render(<StatusLine>{''}</StatusLine>);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    rerender(<StatusLine tone="success">Linked.</StatusLine>);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Linked.');
  });
});

describe('EmptyState', () => {
  it('announces itself only when live', () => {
    const { rerender } = render(<EmptyState title="Page not found" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    rerender(<EmptyState live title="No Clients match" />);
    expect(screen.getByRole('status')).toHaveTextContent('No Clients match');
  });
});
