// Contract tests for the browser flow: /auth/authorize → login form → consent → code → token,
// driven with fetch (manual redirects, one cookie jar), plus the OAuth error cases.
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, basic, bearer, putClient, putUser, token } from './auth-helpers.ts';

let box: TestDevbox;
const CB = 'https://app.example/cb';

beforeAll(async () => {
  box = await startTestDevbox();
  await putClient(box, {
    id: 'spa',
    first_party: true,
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: CB, pkce: true, token_format: 'jwt', refresh_token: true } },
  });
  await putClient(
    box,
    {
      id: 'third',
      name: 'Third <b>Party</b>',
      grant_types: ['code'],
      auth: { authorization_code: { redirect_uri: CB, secret_required: true } },
    },
    'third-secret',
  );
  await putClient(box, {
    id: 'imp',
    grant_types: ['implicit'],
    first_party: true,
    auth: { implicit: { redirect_uri: CB } },
  });
  await putClient(box, {
    id: 'off',
    active: false,
    grant_types: ['code'],
    auth: { authorization_code: { redirect_uri: CB } },
  });
  await putUser(box, { id: 'carol', email: 'carol@example.com' }, 'carol-pw');
  await putUser(box, { id: 'dave', inactive: true }, 'dave-pw');
});
afterAll(async () => box?.stop());

class Browser {
  cookies = new Map<string, string>();
  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(url, box.url), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) {
        if (v) this.cookies.set(k, v);
        else this.cookies.delete(k);
      }
    }
    return res;
  }
  post(url: string, form: Record<string, string>) {
    return this.go(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }
}

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&#38;/g, '&') ?? '';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>) {
  return `/auth/authorize?${new URLSearchParams({ response_type: 'code', redirect_uri: CB, state: 'st-1', ...params }).toString()}`;
}

/** Runs authorize → login (→ consent) and returns the final redirect Location. */
async function login(
  b: Browser,
  url: string,
  user = 'carol',
  password = 'carol-pw',
  consent?: 'approve' | 'deny',
) {
  const page = await b.go(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<form method="post" action="/auth/login"');
  const posted = await b.post('/auth/login', {
    csrf: field(html, 'csrf'),
    authorize: field(html, 'authorize'),
    username: user,
    password,
  });
  if (posted.status !== 303) return { status: posted.status, html: await posted.text() };
  let next = await b.go(posted.headers.get('location') ?? '');
  if (consent) {
    const c = await next.text();
    expect(next.status).toBe(200);
    expect(c).toContain('Third &#60;b&#62;Party&#60;/b&#62;');
    next = await b.post('/auth/grant', {
      csrf: field(c, 'csrf'),
      authorize: field(c, 'authorize'),
      decision: consent,
    });
  }
  expect(next.status).toBe(302);
  return { status: 302, location: new URL(next.headers.get('location') ?? '') };
}

describe('authorization_code + PKCE', () => {
  it('completes the flow; the id_token verifies against the JWKS', async () => {
    const b = new Browser();
    const { verifier, challenge } = pkce();
    const r = await login(
      b,
      authorizeUrl({
        client_id: 'spa',
        scope: 'openid email',
        nonce: 'n-1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    );
    expect(b.cookies.has('asid')).toBe(true);
    const loc = r.location!;
    expect(`${loc.origin}${loc.pathname}`).toBe(CB);
    expect(loc.searchParams.get('state')).toBe('st-1');
    const code = loc.searchParams.get('code') ?? '';
    const t = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'spa',
      code_verifier: verifier,
    });
    expect(t.status).toBe(200);
    expect(t.body.userinfo).toMatchObject({ id: 'carol' });
    const jwks = createRemoteJWKSet(new URL(`${box.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(String(t.body.id_token), jwks, { issuer: box.url, audience: 'spa' });
    expect(payload).toMatchObject({ sub: 'carol', nonce: 'n-1', email: 'carol@example.com' });
    // The Session is visible and the token works for userinfo.
    expect((await api(box, '/auth/userinfo', bearer(t.body.access_token))).body.id).toBe('carol');
    // Codes are single use; a replay revokes what the code issued (RFC 6749 §4.1.2).
    const again = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'spa',
      code_verifier: verifier,
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await api(box, '/auth/userinfo', bearer(t.body.access_token))).status).toBe(401);
    // The login cookie is a session: a second authorize skips the form.
    const second = await b.go(
      authorizeUrl({ client_id: 'spa', code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    expect(second.status).toBe(302);
  });

  it('refuses a PKCE verifier mismatch and a wrong redirect_uri at the token endpoint', async () => {
    const { challenge } = pkce();
    const r = await login(
      new Browser(),
      authorizeUrl({ client_id: 'spa', code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    const code = r.location!.searchParams.get('code') ?? '';
    const wrongUri = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${CB}x`,
      client_id: 'spa',
      code_verifier: pkce().verifier,
    });
    expect(wrongUri).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const mismatch = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'spa',
      code_verifier: pkce().verifier,
    });
    expect(mismatch).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('a code redeemed concurrently succeeds exactly once', async () => {
    const { verifier, challenge } = pkce();
    const r = await login(
      new Browser(),
      authorizeUrl({ client_id: 'spa', code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    const code = r.location!.searchParams.get('code') ?? '';
    const params = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'spa',
      code_verifier: verifier,
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => token(box, params)));
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    expect(results.filter((x) => x.body.error === 'invalid_grant')).toHaveLength(4);
  });

  it('requires PKCE S256 when the client says pkce: true; plain is refused', async () => {
    const b = new Browser();
    const none = await b.go(authorizeUrl({ client_id: 'spa' }));
    expect(none.status).toBe(302);
    expect(new URL(none.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const plain = await b.go(
      authorizeUrl({ client_id: 'spa', code_challenge: pkce().challenge, code_challenge_method: 'plain' }),
    );
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('shows consent for a non-first-party client; deny and approve; secret required', async () => {
    const denied = await login(
      new Browser(),
      authorizeUrl({ client_id: 'third' }),
      'carol',
      'carol-pw',
      'deny',
    );
    expect(denied.location!.searchParams.get('error')).toBe('access_denied');
    const ok = await login(
      new Browser(),
      authorizeUrl({ client_id: 'third' }),
      'carol',
      'carol-pw',
      'approve',
    );
    const code = ok.location!.searchParams.get('code') ?? '';
    const noSecret = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'third',
    });
    expect(noSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const t = await token(
      box,
      { grant_type: 'authorization_code', code, redirect_uri: CB },
      { authorization: basic('third', 'third-secret') },
    );
    expect(t.status).toBe(200);
    expect(String(t.body.access_token).split('.')).toHaveLength(2); // opaque
  });

  it('implicit returns the token in the fragment', async () => {
    const r = await login(
      new Browser(),
      `/auth/authorize?${new URLSearchParams({ response_type: 'token', client_id: 'imp', redirect_uri: CB, state: 's' }).toString()}`,
    );
    const frag = new URLSearchParams(r.location!.hash.slice(1));
    expect(frag.get('state')).toBe('s');
    expect((await api(box, '/auth/userinfo', bearer(frag.get('access_token')))).status).toBe(200);
  });
});

describe('authorize errors', () => {
  it('unknown client, wrong redirect_uri and inactive client get an error page, never a redirect', async () => {
    for (const url of [
      authorizeUrl({ client_id: 'nobody' }),
      authorizeUrl({ client_id: 'spa', redirect_uri: 'https://evil.example/cb' }),
      authorizeUrl({ client_id: 'off' }),
    ]) {
      const res = await new Browser().go(url);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await res.text()).toContain('Authorization error');
    }
  });

  it('response types the client may not use are redirected with unsupported_response_type', async () => {
    const res = await new Browser().go(
      `/auth/authorize?${new URLSearchParams({ response_type: 'token', client_id: 'spa', redirect_uri: CB }).toString()}`,
    );
    expect(res.status).toBe(302);
    expect(new URLSearchParams(new URL(res.headers.get('location') ?? '').hash.slice(1)).get('error')).toBe(
      'unsupported_response_type',
    );
  });

  it('refuses wrong passwords, inactive users and replayed login forms', async () => {
    const b = new Browser();
    const url = authorizeUrl({
      client_id: 'spa',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    const wrong = await login(b, url, 'carol', 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Wrong user name or password');
    const inactive = await login(b, url, 'dave', 'dave-pw');
    expect(inactive.status).toBe(401);
    expect(b.cookies.has('asid')).toBe(false);
    const page = await (await b.go(url)).text();
    const form = {
      csrf: field(page, 'csrf'),
      authorize: field(page, 'authorize'),
      username: 'carol',
      password: 'carol-pw',
    };
    expect((await b.post('/auth/login', form)).status).toBe(303);
    expect((await b.post('/auth/login', form)).status).toBe(401);
  });

  it('logout ends the cookie session', async () => {
    const b = new Browser();
    await login(
      b,
      authorizeUrl({ client_id: 'spa', code_challenge: pkce().challenge, code_challenge_method: 'S256' }),
    );
    expect((await b.go('/auth/userinfo')).status).toBe(200);
    const out = await b.go('/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect((await b.go('/auth/userinfo')).status).toBe(401);
  });
});
