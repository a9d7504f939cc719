import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Checkbox, Select } from './choice-fields.tsx';
import { TextArea, TextField } from './text-field.tsx';

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

  it('reads warnings out after the error, each with a ⚠', () => {
    render(
      <TextField
        label="Refresh token lifetime"
        help="Seconds"
        error="Must be a number"
        warnings={['Aidbox treats a missing value as never expiring.']}
      />,
    );
    expect(screen.getByLabelText('Refresh token lifetime')).toHaveAccessibleDescription(
      'Seconds Must be a number ⚠ Aidbox treats a missing value as never expiring.',
    );
  });

  it('keeps a description the caller adds after its own', () => {
    render(
      <>
        <Checkbox label="I know about this problem" help="Saves the rest" aria-describedby="elsewhere" />
        <p id="elsewhere">Tick the box to save</p>
      </>,
    );
    expect(screen.getByLabelText('I know about this problem')).toHaveAccessibleDescription(
      'Saves the rest Tick the box to save',
    );
  });

  it('Checkbox and Select (options as data or as children) are found by label', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Checkbox label="Require PKCE" error="Public clients need PKCE" />
        <Select label="Token format" options={[{ value: 'jwt', label: 'JWT' }]} placeholder="Opaque" />
        <Select label="Grant">
          <option value="">None</option>
          <option value="code">Code</option>
        </Select>
      </>,
    );
    const pkce = screen.getByLabelText('Require PKCE');
    expect(pkce).toHaveAttribute('aria-invalid', 'true');
    await user.click(pkce);
    expect(pkce).toBeChecked();
    await user.selectOptions(screen.getByLabelText('Token format'), 'jwt');
    expect(screen.getByLabelText('Token format')).toHaveValue('jwt');
    await user.selectOptions(screen.getByLabelText('Grant'), 'code');
    expect(screen.getByLabelText('Grant')).toHaveValue('code');
  });
});
