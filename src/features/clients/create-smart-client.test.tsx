import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { ASSERTION_TYPE } from '../../domain/client-assertion.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';

const renderCreate = (kind: string) => renderRoutes(clientRoutes, `/clients/new?kind=${kind}`, { seed: [] });
const posts = (s: ReturnType<typeof renderCreate>['server']) => s.requests.filter((r) => r.method === 'POST');

async function fill(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, text: string) {
  await user.click(await screen.findByLabelText(label));
  await user.paste(text);
}

describe('Create a SMART Client', () => {
  it('writes the standalone patient app: public, PKCE, patient scopes, offline_access with a bounded refresh token', async () => {
    const user = userEvent.setup();
    const { server, router } = renderCreate('smart-patient');
    expect(
      await screen.findByRole('heading', { name: 'New SMART standalone patient app' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await fill(user, 'Client id', 'meds-app');
    await fill(user, 'Redirect URI', 'https://meds.example.com/cb');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/meds-app'));
    expect(posts(server)[0]?.body).toEqual({
      resourceType: 'Client',
      id: 'meds-app',
      active: true,
      type: 'smart-app',
      grant_types: ['authorization_code', 'refresh_token'],
      auth: {
        authorization_code: {
          redirect_uri: 'https://meds.example.com/cb',
          pkce: true,
          secret_required: false,
          token_format: 'jwt',
          access_token_expiration: 600,
          refresh_token: true,
          refresh_token_expiration: 2_592_000,
        },
      },
      scope: [
        'launch/patient',
        'openid',
        'fhirUser',
        'offline_access',
        'patient/Patient.r',
        'patient/Observation.rs',
      ],
    });
  }, 20_000);

  it('warns on a wildcard, blocks a malformed scope, and writes the scopes as edited', async () => {
    const user = userEvent.setup();
    const { server, router } = renderCreate('smart-patient');
    await fill(user, 'Client id', 'wild');
    await fill(user, 'Redirect URI', 'https://wild.example.com/cb');
    const scopes = screen.getByLabelText('Allowed scopes');
    await user.clear(scopes);
    await user.paste('launch/patient openid patient/*.rs patient/Observation.rs?_include=x');
    const list = screen.getByRole('list', { name: 'Scopes as Aidbox reads them' });
    const line = (raw: string) => within(list).getByText(raw).closest('li') as HTMLElement;
    expect(line('patient/*.rs')).toHaveTextContent('patient/*.rs reaches every resource type');
    expect(line('patient/Observation.rs?_include=x')).toHaveTextContent(
      'Aidbox does not support _include in a scope',
    );
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(scopes).toHaveAttribute('aria-invalid', 'true'));
    expect(scopes).toHaveAccessibleDescription(/One scope is malformed/);
    expect(posts(server)).toHaveLength(0);
    // Without offline_access the app gets no refresh token at all.
    await user.clear(scopes);
    await user.paste('launch/patient openid patient/*.rs');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/wild'));
    const body = posts(server)[0]?.body as { scope: string[]; grant_types: string[]; auth: unknown };
    expect(body.scope).toEqual(['launch/patient', 'openid', 'patient/*.rs']);
    expect(body.grant_types).toEqual(['authorization_code']);
    expect(JSON.stringify(body.auth)).not.toContain('refresh_token');
  }, 20_000);

  it('requires the EHR-launch app’s launch URI and writes it to smart.launch_uri', async () => {
    const user = userEvent.setup();
    const { server, router } = renderCreate('smart-ehr');
    await fill(user, 'Client id', 'cardiac');
    await fill(user, 'Redirect URI', 'https://cardiac.example.com/cb');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    const launch = screen.getByLabelText(/^Launch URI/);
    await waitFor(() => expect(launch).toHaveAttribute('aria-invalid', 'true'));
    expect(launch).toHaveAccessibleDescription(/Enter the launch URI/);
    expect(posts(server)).toHaveLength(0);
    await fill(user, /^Launch URI/, 'https://cardiac.example.com/launch');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/cardiac'));
    expect(posts(server)[0]?.body).toMatchObject({
      type: 'smart-app',
      grant_types: ['authorization_code'],
      smart: { launch_uri: 'https://cardiac.example.com/launch' },
      scope: ['launch', 'openid', 'fhirUser', 'patient/Patient.r', 'patient/Observation.rs'],
    });
  }, 20_000);

  it('writes a backend service once, whole, with its pasted public key and no secret', async () => {
    const user = userEvent.setup();
    const { publicKey } = await generateKeyPair('ES384', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'bulk-1', alg: 'ES384', use: 'sig' };
    const { server, router } = renderCreate('smart-backend');
    expect(
      await screen.findByRole('heading', { name: 'New SMART backend service' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await fill(user, 'Client id', 'bulk-export');
    // No key yet: refused before anything is sent.
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    expect(await screen.findByText(/Add its public key first/)).toBeInTheDocument();
    expect(posts(server)).toHaveLength(0);
    await user.click(screen.getByRole('tab', { name: 'Paste or upload' }));
    await fill(user, 'Public JWK or JWK Set', JSON.stringify(jwk));
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/bulk-export'));
    expect(server.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST']);
    expect(posts(server)[0]?.body).toEqual({
      resourceType: 'Client',
      id: 'bulk-export',
      active: true,
      type: 'bulk-api-client',
      grant_types: ['client_credentials'],
      auth: {
        client_credentials: {
          client_assertion_types: [ASSERTION_TYPE],
          token_format: 'jwt',
          access_token_expiration: 300,
        },
      },
      scope: ['system/Patient.rs', 'system/Observation.rs'],
      jwks: [{ kty: 'EC', crv: 'P-384', x: jwk.x, y: jwk.y, kid: 'bulk-1', alg: 'ES384', use: 'sig' }],
    });
  }, 20_000);

  it('writes the confidential asymmetric app with a jwks_uri and private_key_jwt on the code grant', async () => {
    const user = userEvent.setup();
    const { server, router } = renderCreate('smart-confidential');
    await fill(user, 'Client id', 'chart-review');
    await fill(user, 'Redirect URI', 'https://chart.example.com/cb');
    await user.click(screen.getByRole('tab', { name: 'JWKS URI' }));
    await fill(user, 'JWK Set URL (jwks_uri)', 'https://chart.example.com/.well-known/jwks.json');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/chart-review'));
    const body = posts(server)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'smart-app',
      jwks_uri: 'https://chart.example.com/.well-known/jwks.json',
      auth: {
        authorization_code: { pkce: true, secret_required: true, client_assertion_types: [ASSERTION_TYPE] },
      },
    });
    expect(body).not.toHaveProperty('secret');
    expect(body).not.toHaveProperty('jwks');
  }, 20_000);
});
