import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Checkbox, Select } from './choice-fields.tsx';
import { StringListField } from './string-list-field.tsx';
import { NumberField, TextArea, TextField } from './text-field.tsx';

describe('form fields', () => {
  it('TextField ties label, help and error to the input', () => {
    render(<TextField label="Redirect URI" help="Exact match" error="Must be https" name="uri" />);
    const input = screen.getByLabelText('Redirect URI');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Exact match Must be https');
    expect(input).toHaveAttribute('name', 'uri');
  });

  it('without error there is no aria-invalid and only the help describes', () => {
    render(<TextArea label="Description" help="Shown to admins" />);
    const area = screen.getByLabelText('Description');
    expect(area).not.toHaveAttribute('aria-invalid');
    expect(area).toHaveAccessibleDescription('Shown to admins');
  });

  it('renders error text as text, never HTML', () => {
    render(<TextField label="Name" error={'<img src=x onerror=alert(1)>'} />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('NumberField, Checkbox and Select are found by label', async () => {
    const user = userEvent.setup();
    render(
      <>
        <NumberField label="Access token lifetime" unit="seconds" defaultValue={900} />
        <Checkbox label="Require PKCE" error="Public clients need PKCE" />
        <Select label="Token format" options={[{ value: 'jwt', label: 'JWT' }]} placeholder="Opaque" />
      </>,
    );
    expect(screen.getByLabelText('Access token lifetime')).toHaveValue(900);
    expect(screen.getByLabelText('Access token lifetime')).toHaveAccessibleDescription('In seconds');
    const pkce = screen.getByLabelText('Require PKCE');
    expect(pkce).toHaveAttribute('aria-invalid', 'true');
    await user.click(pkce);
    expect(pkce).toBeChecked();
    await user.selectOptions(screen.getByLabelText('Token format'), 'jwt');
    expect(screen.getByLabelText('Token format')).toHaveValue('jwt');
  });

  it('StringListField adds, edits and removes items', async () => {
    const user = userEvent.setup();
    const seen: string[][] = [];
    function Harness() {
      const [value, setValue] = useState(['openid']);
      return (
        <StringListField
          label="Scopes"
          value={value}
          itemErrors={[undefined, 'Unknown scope']}
          onChange={(next) => {
            seen.push(next);
            setValue(next);
          }}
        />
      );
    }
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.type(screen.getByLabelText('Scopes 2'), 'x');
    expect(screen.getByLabelText('Scopes 2')).toHaveValue('x');
    expect(screen.getByLabelText('Scopes 2')).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Remove Scopes 1' }));
    expect(seen.at(-1)).toEqual(['x']);
  });
});
