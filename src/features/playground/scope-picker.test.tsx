// The scope picker: toggles from the Client's allowed scopes and SMART's launch scopes, and the
// preview of what Aidbox would grant (both readings when nothing is requested).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { StoredClient } from '../../model/client.ts';
import { ScopePicker } from './scope-picker.tsx';

const app: StoredClient = {
  resourceType: 'Client',
  id: 'app',
  type: 'smart-app',
  scope: ['launch', 'openid', 'patient/Observation.rs', 'patient/Patient.r'],
};

function Harness({ client, initial = '' }: { client: StoredClient; initial?: string }) {
  const [scope, setScope] = useState(initial);
  return <ScopePicker scope={scope} onScope={setScope} client={client} smartLaunch />;
}

describe('ScopePicker', () => {
  it('builds the request from toggles and previews requested ∩ allowed', async () => {
    const user = userEvent.setup();
    render(<Harness client={app} />);
    expect(screen.getByRole('status')).toHaveTextContent(/either no scopes, or all the Client’s/);
    const allowed = screen.getByRole('group', { name: 'Allowed for this Client' });
    await user.click(within(allowed).getByRole('button', { name: 'patient/Observation.rs' }));
    await user.click(within(allowed).getByRole('button', { name: 'openid' }));
    const smart = screen.getByRole('group', { name: 'SMART launch and identity' });
    // launch and openid are already in the allowed list, so not offered twice.
    expect(within(smart).queryByRole('button', { name: 'openid' })).toBeNull();
    await user.click(within(smart).getByRole('button', { name: 'fhirUser' }));
    expect(screen.getByLabelText('Scopes')).toHaveValue('patient/Observation.rs openid fhirUser');
    expect(within(allowed).getByRole('button', { name: 'openid' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Aidbox would grant: patient/Observation.rs openid — not allowed for this Client, left out: fhirUser',
    );
    // A narrower v2 scope is covered by a broader allowed one; a malformed one is named.
    await user.clear(screen.getByLabelText('Scopes'));
    await user.click(screen.getByLabelText('Scopes'));
    await user.paste('patient/Observation.r?category=laboratory patient/Obs.x');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Aidbox would grant: patient/Observation.r?category=laboratory',
    );
    expect(screen.getByText(/is not a permission/)).toBeInTheDocument();
  });

  it('says a Client without a scope list restricts nothing', () => {
    render(<Harness client={{ resourceType: 'Client', id: 'x' }} initial="system/*.rs" />);
    expect(screen.getByText(/has no scope list: Aidbox grants the scopes requested/)).toBeInTheDocument();
  });
});
