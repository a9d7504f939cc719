import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model/json.ts';
import { renderRoutes, type RenderOptions } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';

const renderClients = (path: string, seed: RenderOptions['seed'] = []) =>
  renderRoutes(clientRoutes, path, { seed });

const portal: JsonObject = {
  id: 'portal',
  name: 'Portal',
  secret: 'sha256-hash-of-the-secret',
  grant_types: ['authorization_code'],
  auth: {
    authorization_code: {
      redirect_uri: 'https://portal.example.com/cb',
      pkce: true,
      secret_required: true,
      refresh_token: true,
      refresh_token_expiration: 3600,
      default_identity_provider: { reference: 'IdentityProvider/okta' },
    },
  },
  'x-team': { owner: 'billing', tags: ['a'] },
  extension: [{ url: 'http://example.com/ext', valueString: 'kept' }],
};

const patches = (s: ReturnType<typeof renderClients>['server']) =>
  s.requests.filter((r) => r.method === 'PATCH');

describe('Edit a Client', () => {
  it('sends only the changed paths, with If-Match and no secret; unknown fields survive', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/portal', [portal]);
    // The first test pays for loading the editor chunk: more than findBy's 1 s default under load.
    const name = await screen.findByLabelText('Name', {}, { timeout: 10_000 });
    await user.clear(name);
    await user.type(name, 'Patient portal');
    await user.clear(screen.getByLabelText('Access token lifetime (seconds)'));
    await user.type(screen.getByLabelText('Access token lifetime (seconds)'), '600');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const [patch] = patches(server);
    expect(patch?.body).toEqual({
      name: 'Patient portal',
      auth: { authorization_code: { access_token_expiration: 600 } },
    });
    expect(patch?.headers.get('if-match')).toBe('W/"1"');
    expect(patch?.headers.get('content-type')).toContain('application/merge-patch+json');
    const stored = server.clients.get('portal');
    expect(stored).toMatchObject({
      secret: 'sha256-hash-of-the-secret',
      'x-team': portal['x-team'],
      extension: portal.extension,
    });
    expect((stored?.auth as JsonObject).authorization_code).toMatchObject({
      default_identity_provider: { reference: 'IdentityProvider/okta' },
    });
  }, 20_000); // loads the editor chunk and renders the whole form: over 5 s on a busy machine

  it('blocks registration rule violations with messages on the fields', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/portal', [portal]);
    const uri = await screen.findByLabelText('Redirect URI');
    await user.clear(uri);
    await user.type(uri, 'https://*.example.com/cb');
    await user.click(screen.getByLabelText('Require the client secret'));
    await user.click(screen.getByLabelText('implicit'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(uri).toHaveAttribute('aria-invalid', 'true'));
    expect(uri).toHaveAccessibleDescription(/Wildcards are not allowed — register each exact redirect URI\./);
    expect(screen.getByText(/The implicit grant must no longer be used/)).toBeInTheDocument();
    expect(patches(server)).toHaveLength(0);
  });

  it('requires PKCE for a public client, and warns (without blocking) on refresh tokens that never expire', async () => {
    const user = userEvent.setup();
    const spa = {
      id: 'spa',
      grant_types: ['authorization_code'],
      auth: {
        authorization_code: { redirect_uri: 'https://a.example.com/cb', pkce: true, refresh_token: true },
      },
    };
    const { server } = renderClients('/clients/spa', [spa]);
    const expiry = await screen.findByLabelText('Refresh token lifetime (seconds)');
    expect(expiry).toHaveAccessibleDescription(/never expiring; set an absolute lifetime/);
    await user.click(screen.getByLabelText('Require PKCE'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('PKCE is required for public clients (clients without a secret).'),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Require PKCE'));
    await user.type(screen.getByLabelText('Name'), 'SPA');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches(server)).toHaveLength(1));
    expect(patches(server)[0]?.body).toEqual({ name: 'SPA' });
  });

  it.each([412, 409])(
    'opens the conflict view on %i and re-applies my change on the fresh version',
    async (status) => {
      const user = userEvent.setup();
      const { server } = renderClients('/clients/portal', [portal]);
      server.failNextPatch = {
        status,
        concurrent: (c) => ({ ...c, description: 'Set by a colleague', name: 'Their name' }),
      };
      const name = await screen.findByLabelText('Name');
      await user.clear(name);
      await user.type(name, 'My name');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      const view = await screen.findByRole('region', {
        name: 'Someone else saved this Client while you were editing',
      });
      expect(within(view).getByRole('table', { name: 'Their change (now saved)' })).toHaveTextContent(
        'Set by a colleague',
      );
      expect(within(view).getByRole('table', { name: 'Your change (not saved yet)' })).toHaveTextContent(
        'My name',
      );
      expect(view).toHaveTextContent('You both changed name.');
      await user.click(
        within(view).getByRole('button', { name: 'Re-apply my changes on the latest version' }),
      );
      expect(await screen.findByLabelText('Name')).toHaveValue('My name');
      expect(screen.getByLabelText('Description')).toHaveValue('Set by a colleague');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      expect(await screen.findByText('Saved.')).toBeInTheDocument();
      const last = patches(server).at(-1);
      expect(last?.body).toEqual({ name: 'My name' });
      expect(last?.headers.get('if-match')).toBe('W/"101"');
      expect(server.clients.get('portal')).toMatchObject({
        name: 'My name',
        description: 'Set by a colleague',
      });
    },
  );

  it('holds the raw JSON tab to the same rules and keeps unknown fields', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/portal', [portal]);
    await user.click(await screen.findByRole('tab', { name: 'Raw JSON' }));
    const area = screen.getByLabelText('Client JSON');
    expect((area as HTMLTextAreaElement).value).not.toContain('sha256-hash');
    await user.clear(area);
    await user.click(area);
    await user.paste('{"resourceType": "Client", "grant_types": ["implicit"');
    expect(screen.getByText(/JSON error/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save JSON' })).toBeDisabled();
    const edited = { ...structuredClone(portal), secret: 'attempt', name: 'From JSON', 'x-new': 1 };
    await user.clear(area);
    await user.paste(
      JSON.stringify({
        ...edited,
        grant_types: ['implicit'],
        auth: { implicit: { redirect_uri: 'javascript:alert(1)' } },
      }),
    );
    expect(screen.getByText(/illegal scheme/)).toBeInTheDocument();
    expect(screen.getByText(/Changes to secret.* are ignored/)).toBeInTheDocument();
    await user.clear(area);
    await user.paste(JSON.stringify(edited));
    await user.click(screen.getByRole('button', { name: 'Save JSON' }));
    await waitFor(() => expect(patches(server)).toHaveLength(1));
    expect(patches(server)[0]?.body).toEqual({ name: 'From JSON', 'x-new': 1 });
  });

  it('guards the console’s own Client and says when a vault manages the secret', async () => {
    const user = userEvent.setup();
    const own = {
      id: 'aidbox-console',
      name: 'Console',
      grant_types: ['authorization_code'],
      _secret: { extension: [{ url: 'http://health-samurai.io/fhir/secret-reference', valueString: 'x' }] },
      auth: {
        authorization_code: { redirect_uri: 'https://c.example.com/cb', pkce: true, secret_required: true },
      },
    };
    const { server } = renderClients('/clients/aidbox-console', [own]);
    expect(await screen.findByText(/Secret managed in a vault/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), ' 2');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: /console’s own Client/ });
    const confirm = within(dialog).getByRole('button', { name: 'Save anyway' });
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByLabelText(/I may lock everyone out/));
    await user.click(confirm);
    await waitFor(() => expect(patches(server)).toHaveLength(1));
    expect(patches(server)[0]?.body).toEqual({ name: 'Console 2' });
    expect(server.clients.get('aidbox-console')?._secret).toEqual(own._secret);
  });

  it('maps server OperationOutcome issues onto fields', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/portal', [portal]);
    const original = server.fetch;
    server.fetch = (input, init) =>
      init?.method === 'PATCH'
        ? Promise.resolve(
            new Response(
              JSON.stringify({
                resourceType: 'OperationOutcome',
                issue: [
                  {
                    severity: 'error',
                    code: 'invalid',
                    diagnostics: 'Name is reserved',
                    expression: ['Client.name'],
                  },
                  { severity: 'error', code: 'invalid', diagnostics: 'Quota exceeded' },
                ],
              }),
              { status: 422, headers: { 'content-type': 'application/json' } },
            ),
          )
        : original(input, init);
    const name = await screen.findByLabelText('Name');
    await user.type(name, 'x');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/Name is reserved/));
    expect(screen.getByText('Quota exceeded')).toBeInTheDocument();
  });
});
