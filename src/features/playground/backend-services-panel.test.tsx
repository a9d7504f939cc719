// The backend-services flow over the fake Aidbox, whose token endpoint here checks the assertion
// with a real JOSE library the way devbox does: the signed header and claims are shown, a replay
// is explained, and the private key (its `d`) reaches no request, store, URL, cache or DOM text.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../testing/render.tsx';
import { FAKE_BASE } from '../../testing/fake-aidbox.ts';
import { currentRuns } from './playground-store.ts';
import { playgroundRoutes } from './routes.tsx';

const ID = 'bulk-export';

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('Backend services flow', () => {
  it('signs an assertion with a pasted key, shows it, gets a token, explains a replay, keeps the key in memory', async () => {
    const user = userEvent.setup();
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'k-2026', alg: 'RS384' };
    const d = String(privateJwk.d);
    const { server, router, queryClient } = renderRoutes(
      playgroundRoutes,
      `/playground?client=${ID}&flow=backend_services&scope=system/Patient.rs`,
      {
        seed: [
          {
            id: ID,
            grant_types: ['client_credentials'],
            scope: ['system/Patient.rs'],
            jwks: [{ kty: 'RSA', kid: 'k-2026', alg: 'RS384', use: 'sig', n: privateJwk.n, e: privateJwk.e }],
          },
        ],
      },
    );
    const seen = new Set<string>();
    const inner = server.fetch;
    server.fetch = async (input, init) => {
      const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
      const assertion = form.get('client_assertion');
      if (!assertion) return inner(input, init);
      server.requests.push({
        method: 'POST',
        url: new URL(`${FAKE_BASE}/auth/token`),
        headers: new Headers(),
        body: init?.body,
      });
      const { payload } = await jwtVerify(assertion, publicKey, {
        algorithms: ['RS384'],
        issuer: ID,
        subject: ID,
        audience: `${FAKE_BASE}/auth/token`,
      });
      if (seen.has(String(payload.jti)))
        return reply(401, {
          error: 'invalid_client',
          error_description: 'The client assertion jti was already used',
        });
      seen.add(String(payload.jti));
      return reply(200, {
        access_token: 'backend-token-1',
        token_type: 'Bearer',
        scope: 'system/Patient.rs',
      });
    };

    const field = await screen.findByLabelText('Private key', {}, { timeout: 5000 });
    await user.click(field);
    await user.paste(JSON.stringify(privateJwk));
    expect(await screen.findByText(/Key ready: RS384, kid k-2026/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get token with key' }));

    const exchange = await screen.findByRole('region', {
      name: 'Token request (client_credentials, signed assertion)',
    });
    expect(await within(exchange).findByText('HTTP 200')).toBeInTheDocument();
    const signed = within(exchange).getByRole('region', { name: 'Signed client assertion' });
    expect(signed).toHaveTextContent('"alg": "RS384"');
    expect(signed).toHaveTextContent('"kid": "k-2026"');
    expect(signed).toHaveTextContent(`"aud": "${FAKE_BASE}/auth/token"`);
    expect(signed).toHaveTextContent(`"sub": "${ID}"`);
    expect(within(exchange).getByRole('region', { name: 'SMART fields' })).toHaveTextContent(
      'system/Patient.rs',
    );

    await user.click(screen.getByRole('button', { name: 'Send the same assertion again' }));
    const again = await screen.findByRole('region', { name: 'Token request (the same assertion again)' });
    expect(await within(again).findByText('HTTP 401')).toBeInTheDocument();
    expect(within(again).getByRole('alert')).toHaveTextContent('Replay refused');

    // The key: nowhere but the masked field's live value.
    const sent = server.requests.map((r) => `${r.url.toString()} ${String(r.body)}`).join('\n');
    expect(sent).toContain('client_assertion=');
    expect(sent).not.toContain(d);
    expect(document.body.innerHTML).not.toContain(d);
    expect(JSON.stringify(currentRuns())).not.toContain(d);
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(d);
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain(d);
    expect(router.state.location.search).not.toContain(d);
  }, 20_000);

  it('is offered only to Clients with keys and client_credentials', async () => {
    renderRoutes(playgroundRoutes, '/playground?client=plain', {
      seed: [{ id: 'plain', secret: 's', grant_types: ['client_credentials'] }],
    });
    const flows = await screen.findByRole('group', { name: 'Flow' }, { timeout: 5000 });
    const radio = within(flows).getByRole('radio', { name: /Backend services/ });
    await expect.poll(() => radio.hasAttribute('disabled')).toBe(true);
    expect(radio.closest('label')).toHaveTextContent('no jwks, jwks_uri or client_assertion_types');
  });
});
