// The key rotation wizard over the shared fake Aidbox, whose token endpoint is taught here to check
// client assertions against the Client's stored jwks with a real JOSE library (the fake itself
// knows only secrets). Each write is checked as sent: If-Match, and exactly the jwks intended.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type * as KeyExport from '../../domain/key-export.ts';
import { generateSigningKey, type GeneratedSigningKey } from '../../domain/key-export.ts';
import { FAKE_BASE, fakeAidbox, type FakeAidbox, type Resource } from '../../testing/fake-aidbox.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { requestUrl } from '../../testing/request-url.ts';
import { secretRoutes } from './routes.tsx';

// Every key the KeyGenerator makes, so the test can look for its private members everywhere.
const generated = vi.hoisted(() => [] as GeneratedSigningKey[]);
vi.mock('../../domain/key-export.ts', async (importOriginal) => {
  const real = await importOriginal<typeof KeyExport>();
  return {
    ...real,
    generateSigningKey: async (alg: 'RS384' | 'ES384') => {
      const key = await real.generateSigningKey(alg);
      generated.push(key);
      return key;
    },
  };
});

const heading = (name: string | RegExp) =>
  screen.findByRole('heading', { level: 2, name }, { timeout: 8000 });

/** The token endpoint of RFC 7523: verifies the assertion against the Client's jwks, or refuses all. */
function acceptAssertions(server: FakeAidbox, refuseAll = false): void {
  const inner = server.fetch;
  server.fetch = async (input, init) => {
    const url = new URL(requestUrl(input));
    const body = typeof init?.body === 'string' ? new URLSearchParams(init.body) : undefined;
    const assertion = body?.get('client_assertion');
    if (url.pathname !== '/auth/token' || !assertion) return inner(input, init);
    server.requests.push({ method: 'POST', url, headers: new Headers(init?.headers), body: init?.body });
    const refuse = () => Response.json({ error: 'invalid_client' }, { status: 401 });
    if (refuseAll) return refuse();
    const { kid, alg } = decodeProtectedHeader(assertion);
    const client = [...server.clients.values()].find((c) =>
      (c.jwks as JWK[] | undefined)?.some((k) => k.kid === kid),
    );
    const jwk = (client?.jwks as JWK[] | undefined)?.find((k) => k.kid === kid);
    if (!client || !jwk || !alg) return refuse();
    try {
      await jwtVerify(assertion, await importJWK(jwk, alg), {
        audience: `${FAKE_BASE}/auth/token`,
        issuer: client.id as string,
        subject: client.id as string,
      });
    } catch {
      return refuse();
    }
    return Response.json({ access_token: 'fake-assertion-token', token_type: 'Bearer' });
  };
}

async function service(): Promise<{ server: FakeAidbox; old: GeneratedSigningKey }> {
  const old = await generateSigningKey('RS384');
  const client: Resource = {
    id: 'svc',
    grant_types: ['client_credentials'],
    auth: {
      client_credentials: {
        client_assertion_types: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
      },
    },
    jwks: [old.publicJwk],
  };
  generated.length = 0;
  return { server: fakeAidbox([client]), old };
}

const patches = (server: FakeAidbox) => server.requests.filter((r) => r.method === 'PATCH');

async function addGeneratedKey(user: ReturnType<typeof userEvent.setup>) {
  await user.click(
    await screen.findByRole('button', { name: 'Continue: add the new key' }, { timeout: 8000 }),
  );
  await heading('Step 2: add the new key beside the old one');
  await user.click(screen.getByRole('button', { name: 'Generate key pair' }));
  const add = screen.getByRole('button', { name: 'Add the new key' });
  await user.click(await screen.findByRole('button', { name: 'I have stored it: forget the private key' }));
  expect(add).toBeEnabled();
  await user.click(add);
}

describe('Key rotation', () => {
  it('adds the new key beside the old, proves it at the token endpoint, then removes exactly the old one', async () => {
    const user = userEvent.setup();
    const { server, old } = await service();
    acceptAssertions(server);
    const { queryClient } = renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });

    await heading('Step 1: the keys in use');
    expect(screen.getByText(old.kid)).toBeInTheDocument();
    await addGeneratedKey(user);

    await heading('Step 3: verify that the new key obtains a token');
    const [fresh] = generated;
    const [add] = patches(server);
    expect(add?.headers.get('if-match')).toBe('W/"1"');
    expect(add?.body).toEqual({ jwks: [old.publicJwk, fresh!.publicJwk] });
    expect(await screen.findByText('The new key works.')).toBeInTheDocument();
    // The check's token was revoked at once.
    expect(
      server.requests.filter((r) => r.method === 'DELETE' && r.url.pathname === '/Session'),
    ).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Continue: remove the old key' }));
    await heading('Step 4: remove the old key');
    expect(screen.getByRole('checkbox', { name: old.kid })).toBeChecked();
    const remove = screen.getByRole('button', { name: 'Remove the old key now' });
    expect(remove).toBeDisabled();
    await user.type(screen.getByLabelText(/Type the client id/), 'svc');
    await user.click(remove);

    await heading('Rotation complete');
    expect(screen.getByText('The old key no longer appears.')).toBeInTheDocument();
    const [, removal] = patches(server);
    // Guarded by the version the add wrote (the fake numbers writes from 101).
    expect(removal?.headers.get('if-match')).toBe('W/"101"');
    expect(removal?.body).toEqual({ jwks: [fresh!.publicJwk] });
    expect(server.clients.get('svc')?.jwks).toEqual([fresh!.publicJwk]);

    // The new private key was never sent, cached or left on the page.
    const d = fresh!.privateJwk.d!;
    const sent = JSON.stringify(server.requests.map((r) => [r.url.href, r.body]));
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    for (const text of [sent, cached, document.body.innerHTML]) expect(text).not.toContain(d);
  }, 30_000);

  it('on a concurrent change adds nothing and starts over on the colleague’s version', async () => {
    const user = userEvent.setup();
    const { server, old } = await service();
    acceptAssertions(server);
    renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });
    server.failNextPatch = { status: 409, concurrent: (c) => ({ ...c, name: 'Renamed by a colleague' }) };
    await addGeneratedKey(user);

    await heading('The new key was not added: someone changed this Client since you reviewed it');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'the old keys still work and the new key was not added',
    );
    expect(server.clients.get('svc')?.jwks).toEqual([old.publicJwk]);
    await user.click(screen.getByRole('button', { name: 'Reload the Client and start over' }));
    await heading('Step 1: the keys in use');
    await addGeneratedKey(user);
    await heading('Step 3: verify that the new key obtains a token');
    // The colleague's write is version 101: the retry is guarded by it.
    expect(patches(server).map((p) => p.headers.get('if-match'))).toEqual(['W/"1"', 'W/"101"']);
  }, 30_000);

  it('on a concurrent change removes nothing, both keys still work, and the removal is reviewed again', async () => {
    const user = userEvent.setup();
    const { server, old } = await service();
    acceptAssertions(server);
    renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });
    await addGeneratedKey(user);
    expect(await screen.findByText('The new key works.', {}, { timeout: 8000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue: remove the old key' }));
    await user.type(await screen.findByLabelText(/Type the client id/), 'svc');
    server.failNextPatch = { status: 412, concurrent: (c) => ({ ...c, name: 'Renamed by a colleague' }) };
    await user.click(screen.getByRole('button', { name: 'Remove the old key now' }));

    await heading('The old keys were not removed: someone changed this Client since you reviewed it');
    expect(screen.getByRole('alert')).toHaveTextContent('both the new key and the old keys still work');
    const [fresh] = generated;
    expect(server.clients.get('svc')?.jwks).toEqual([old.publicJwk, fresh!.publicJwk]);
    await user.click(screen.getByRole('button', { name: 'Reload the Client and review the removal' }));
    await heading('Step 4: remove the old key');
    await user.type(screen.getByLabelText(/Type the client id/), 'svc');
    await user.click(screen.getByRole('button', { name: 'Remove the old key now' }));
    await heading('Rotation complete');
    // The add (101), the colleague (102), then the removal guarded by the colleague's version.
    expect(patches(server).map((p) => p.headers.get('if-match'))).toEqual(['W/"1"', 'W/"101"', 'W/"102"']);
    expect(server.clients.get('svc')?.jwks).toEqual([fresh!.publicJwk]);
  }, 30_000);

  it('refuses to remove the old key while the new one is refused, unless overridden', async () => {
    const user = userEvent.setup();
    const { server } = await service();
    acceptAssertions(server, true);
    renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });
    await addGeneratedKey(user);

    expect(await screen.findByText('The new key is refused.', {}, { timeout: 8000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue: remove the old key' }));
    await heading('Step 4: remove the old key');
    expect(screen.getByRole('alert')).toHaveTextContent('The new key did not obtain a token.');
    await user.type(screen.getByLabelText(/Type the client id/), 'svc');
    const remove = screen.getByRole('button', { name: 'Remove the old key now' });
    expect(remove).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Remove anyway/ }));
    expect(remove).toBeEnabled();
    expect(patches(server)).toHaveLength(1); // only the add
  }, 30_000);

  it('checks a pasted public key with its private key pasted for the check only', async () => {
    const user = userEvent.setup();
    const { server } = await service();
    acceptAssertions(server);
    const [mine, other] = await Promise.all([generateSigningKey('RS384'), generateSigningKey('RS384')]);
    renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });
    await user.click(
      await screen.findByRole('button', { name: 'Continue: add the new key' }, { timeout: 8000 }),
    );
    await user.click(screen.getByRole('radio', { name: /Paste the public key/ }));
    const field = screen.getByLabelText('New public key (JWK)');
    await user.click(field);
    await user.paste(JSON.stringify(mine.privateJwk));
    expect(screen.getByText(/Holds private key material \(d, p, q, dp, dq, qi\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add the new key' })).toBeDisabled();
    await user.clear(field);
    await user.paste(JSON.stringify(mine.publicJwk));
    await user.click(screen.getByRole('button', { name: 'Add the new key' }));

    await heading('Step 3: verify that the new key obtains a token');
    const paste = screen.getByLabelText('Private key for the check (JWK or PEM)');
    expect(paste).toHaveAttribute('type', 'password');
    await user.click(paste);
    await user.paste(other.privatePem);
    await user.click(screen.getByRole('button', { name: 'Check with this private key' }));
    expect(await screen.findByText('This private key does not belong to the new key.')).toBeInTheDocument();
    await user.click(paste);
    await user.paste(JSON.stringify(mine.privateJwk));
    await user.click(screen.getByRole('button', { name: 'Check with this private key' }));
    expect(await screen.findByText('The new key works.')).toBeInTheDocument();
    const sent = JSON.stringify(server.requests.map((r) => [r.url.href, r.body]));
    expect(sent).not.toContain(mine.privateJwk.d);
    expect(patches(server)[0]?.body).toEqual({ jwks: [expect.anything(), mine.publicJwk] });
  }, 30_000);

  it('goes on with a rotation left half-way: the added key is checked, then the old one removed', async () => {
    const user = userEvent.setup();
    const { server, old } = await service();
    const mine = await generateSigningKey('ES384');
    server.write({ ...server.clients.get('svc')!, jwks: [old.publicJwk, mine.publicJwk] });
    acceptAssertions(server);
    renderRoutes(secretRoutes, '/clients/svc/rotate-keys', { server });
    await heading('Step 1: the keys in use');
    expect(screen.getByLabelText('The new key')).toHaveValue(mine.kid);
    await user.click(screen.getByRole('button', { name: 'Verify this key, then remove the others' }));
    await heading('Step 3: verify that the new key obtains a token');
    await user.click(screen.getByLabelText('Private key for the check (JWK or PEM)'));
    await user.paste(mine.privatePem);
    await user.click(screen.getByRole('button', { name: 'Check with this private key' }));
    expect(await screen.findByText('The new key works.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue: remove the old key' }));
    await user.type(await screen.findByLabelText(/Type the client id/), 'svc');
    await user.click(screen.getByRole('button', { name: 'Remove the old key now' }));
    await heading('Rotation complete');
    expect(patches(server).map((p) => p.body)).toEqual([{ jwks: [mine.publicJwk] }]);
  }, 30_000);

  it('explains that keys published at a jwks_uri are rotated there', async () => {
    renderRoutes(secretRoutes, '/clients/ext/rotate-keys', {
      seed: [{ id: 'ext', grant_types: ['client_credentials'], jwks_uri: 'https://ext.example/jwks.json' }],
    });
    await heading('These keys are rotated where they are published');
    expect(screen.getByText('https://ext.example/jwks.json')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Continue/ })).toBeNull();
  });
});
