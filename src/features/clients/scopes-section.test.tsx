import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model/json.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';

const app: JsonObject = {
  id: 'meds',
  type: 'smart-app',
  grant_types: ['authorization_code'],
  auth: { authorization_code: { redirect_uri: 'https://meds.example.com/cb', pkce: true } },
  scope: ['launch/patient', 'openid', 'patient/Patient.r', 'patient/Observation.rs'],
};

const open = async (seed: JsonObject[] = [app]) => {
  const rendered = renderRoutes(clientRoutes, '/clients/meds', { seed });
  // The first test pays for loading the editor chunk.
  const field = await screen.findByLabelText('Allowed scopes', {}, { timeout: 10_000 });
  return { ...rendered, field };
};
const scopeList = () => screen.getByRole('list', { name: 'Scopes as Aidbox reads them' });
const item = (raw: string) => within(scopeList()).getByText(raw).closest('li') as HTMLElement;
const patches = (s: ReturnType<typeof renderRoutes>['server']) =>
  s.requests.filter((r) => r.method === 'PATCH');

describe('Scope editor', () => {
  it('explains each scope, warns on the scope concerned and saves the list split on whitespace', async () => {
    const user = userEvent.setup();
    const { server, field } = await open();
    expect(item('patient/Observation.rs')).toHaveTextContent(
      'read, search Observation of the patient in context',
    );
    // Pasted, not typed: each keystroke re-renders the whole editor.
    await user.click(field);
    await user.paste('\npatient/*.cruds user/Observaton.rs');
    expect(item('patient/*.cruds')).toHaveTextContent(/reaches every resource type/);
    expect(item('patient/*.cruds')).toHaveTextContent(/lets a patient-facing app create, update or delete/);
    expect(item('user/Observaton.rs')).toHaveTextContent(/Observaton is neither a FHIR R4 nor an Aidbox/);
    expect(item('openid')).not.toHaveTextContent('⚠');
    expect(screen.getByText(/6 scopes, 3 warnings\./)).toBeInTheDocument();
    // Lints are advice: the save goes through.
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches(server)[0]?.body).toEqual({
      scope: [
        'launch/patient',
        'openid',
        'patient/Patient.r',
        'patient/Observation.rs',
        'patient/*.cruds',
        'user/Observaton.rs',
      ],
    });
  }, 20_000);

  it('blocks saving on a malformed scope, with the reason on that scope', async () => {
    const user = userEvent.setup();
    const { server, field } = await open();
    await user.click(field);
    await user.paste('\nsystem/Patient.rs?name=x');
    expect(item('system/Patient.rs?name=x')).toHaveTextContent(
      'Aidbox refuses search parameters on system/ scopes',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/One scope is malformed/);
    expect(patches(server)).toHaveLength(0);
    // Removing it lets the save through.
    await user.clear(field);
    await user.paste('openid patient/Patient.r');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches(server)[0]?.body).toEqual({ scope: ['openid', 'patient/Patient.r'] });
  }, 20_000);

  it('previews the granted scopes, and both readings for an empty request', async () => {
    const user = userEvent.setup();
    await open();
    const preview = screen.getByRole('region', { name: 'Preview a token request' });
    expect(preview).toHaveTextContent(/No scope requested/);
    expect(preview).toHaveTextContent(/A strict server grants:\s*nothing/);
    expect(preview).toHaveTextContent(
      /Otherwise all the Client’s scopes:\s*launch\/patient\s*openid\s*patient\/Patient\.r\s*patient\/Observation\.rs/,
    );
    await user.click(within(preview).getByLabelText('Requested scopes'));
    await user.paste('openid patient/Observation.r?category=laboratory patient/Condition.rs');
    const granted = within(preview).getByText('Granted:').parentElement as HTMLElement;
    expect(
      within(granted)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['openid', 'patient/Observation.r?category=laboratory']);
    const refused = within(preview).getByText(/Not granted/).parentElement as HTMLElement;
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['patient/Condition.rs']);
  }, 20_000);

  it('warns when offline_access asks for refresh tokens the grant does not issue with a lifetime', async () => {
    const user = userEvent.setup();
    const { field } = await open();
    expect(field).not.toHaveAccessibleDescription(/asks for refresh tokens/);
    await user.click(field);
    await user.paste(' offline_access');
    expect(field).toHaveAccessibleDescription(
      /offline_access asks for refresh tokens: turn on refresh tokens/,
    );
  }, 20_000);

  it('says a Client without a scope list restricts nothing', async () => {
    const user = userEvent.setup();
    const { scope: _scope, ...noScope } = app;
    await open([noScope]);
    const preview = screen.getByRole('region', { name: 'Preview a token request' });
    await user.click(within(preview).getByLabelText('Requested scopes'));
    await user.paste('system/*.cruds');
    expect(preview).toHaveTextContent(/no scope list, so Aidbox does not narrow the request/);
    expect(preview).toHaveTextContent(/Granted:\s*system\/\*\.cruds/);
  }, 20_000);
});
