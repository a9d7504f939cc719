// OIDC details a relying party depends on, on the strict reading: UserInfo `sub`, `max_age` →
// `auth_time`, `prompt=login`, SMART configuration, and revocation on authorization-code replay.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair, TestBrowser } from '../testing/browser.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, bearer, putClient, putUser, token } from './auth-helpers.ts';

let box: TestDevbox;
const CB = 'https://app.example/cb';

beforeAll(async () => {
  box = await startTestDevbox();
  await putClient(box, {
    id: 'spa',
    first_party: true,
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: CB, pkce: true, refresh_token: true } },
  });
  await putUser(box, { id: 'erin', email: 'erin@example.com' }, 'erin-pw');
});
afterAll(async () => box?.stop());

function authorizeUrl(challenge: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'spa',
    redirect_uri: CB,
    state: 's',
    scope: 'openid',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/auth/authorize?${q.toString()}`;
}

async function signIn(b: TestBrowser, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkcePair();
  const { location, loginShown } = await b.authorize(authorizeUrl(challenge, extra), 'erin', 'erin-pw');
  const code = location.searchParams.get('code') ?? '';
  const t = await token(box, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CB,
    client_id: 'spa',
    code_verifier: verifier,
  });
  return { t, code, verifier, loginShown };
}

describe('strict reading: ID token and UserInfo', () => {
  it('echoes the nonce, names the key by kid, and UserInfo carries sub (OIDC Core §5.3.2)', async () => {
    const { t } = await signIn(new TestBrowser(box.url), { nonce: 'n-42' });
    expect(t.status).toBe(200);
    expect(t.body.expires_in).toBe(3600);
    const idToken = String(t.body.id_token);
    expect(decodeProtectedHeader(idToken).kid).toBeTruthy();
    const jwks = createRemoteJWKSet(new URL(`${box.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(idToken, jwks, { issuer: box.url, audience: 'spa' });
    expect(payload.nonce).toBe('n-42');
    expect(payload).not.toHaveProperty('auth_time');
    const info = await api(box, '/auth/userinfo', bearer(t.body.access_token));
    expect(info.body).toMatchObject({ sub: 'erin', id: 'erin', email: 'erin@example.com' });
    expect(info.body).not.toHaveProperty('password');
  });

  it('max_age puts auth_time in the ID token (OIDC Core §3.1.2.1) and a stale login is asked again', async () => {
    const b = new TestBrowser(box.url);
    const before = Math.floor(Date.now() / 1000);
    const first = await signIn(b, { max_age: '600' });
    const { payload } = await jwtVerify(
      String(first.t.body.id_token),
      createRemoteJWKSet(new URL(`${box.url}/.well-known/jwks.json`)),
    );
    expect(payload.auth_time).toBeGreaterThanOrEqual(before);
    expect(payload.auth_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    // The same browser within max_age: no login form.
    expect((await signIn(b, { max_age: '600' })).loginShown).toBe(false);
    // max_age=0 after the login was used: the form comes back.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await signIn(b, { max_age: '0' })).loginShown).toBe(true);
  });

  it('prompt=login forces the login form even with a live login cookie', async () => {
    const b = new TestBrowser(box.url);
    expect((await signIn(b)).loginShown).toBe(true);
    expect((await signIn(b)).loginShown).toBe(false);
    const forced = await signIn(b, { prompt: 'login' });
    expect(forced.loginShown).toBe(true);
    expect(forced.t.status).toBe(200);
  });

  it('a replayed authorization code revokes the tokens issued from it (RFC 6749 §4.1.2)', async () => {
    const { t, code, verifier } = await signIn(new TestBrowser(box.url));
    expect((await api(box, '/auth/userinfo', bearer(t.body.access_token))).status).toBe(200);
    const replay = await token(box, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CB,
      client_id: 'spa',
      code_verifier: verifier,
    });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await api(box, '/auth/userinfo', bearer(t.body.access_token))).status).toBe(401);
    const refreshed = await token(box, {
      grant_type: 'refresh_token',
      refresh_token: String(t.body.refresh_token),
      client_id: 'spa',
    });
    expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('SMART configuration', () => {
  it('is served at the server root and the FHIR base, listing only what devbox supports', async () => {
    for (const p of ['/.well-known/smart-configuration', '/fhir/.well-known/smart-configuration']) {
      const res = await fetch(`${box.url}${p}`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Record<string, unknown>;
      expect(doc).toMatchObject({
        issuer: box.url,
        authorization_endpoint: `${box.url}/auth/authorize`,
        token_endpoint: `${box.url}/auth/token`,
        jwks_uri: `${box.url}/.well-known/jwks.json`,
        code_challenge_methods_supported: ['S256'],
      });
      expect(doc.capabilities).toContain('client-public');
      expect(doc.capabilities).toContain('client-confidential-asymmetric');
      expect(doc.capabilities).not.toContain('launch-standalone');
      expect(doc.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
      expect(doc.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS384']);
      expect(doc).not.toHaveProperty('revocation_endpoint');
    }
  });
});
