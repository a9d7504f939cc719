// The alternate reading of undocumented token behaviour (devbox/README.md, "Readings"): ID tokens
// without nonce and kid, no id_token outside the code grant, no expires_in when the Client sets
// no lifetime, and refresh without rotation.
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair, TestBrowser } from '../testing/browser.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, bearer, putClient, putPolicy, putUser, token } from './auth-helpers.ts';

let box: TestDevbox;
const CB = 'https://app.example/cb';

beforeAll(async () => {
  box = await startTestDevbox({ reading: 'alternate' });
  await putClient(box, {
    id: 'spa',
    first_party: true,
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: CB, pkce: true, token_format: 'jwt', refresh_token: true } },
  });
  await putClient(box, {
    id: 'pw',
    grant_types: ['password'],
    auth: { password: { secret_required: false, refresh_token: true, access_token_expiration: 300 } },
  });
  await putUser(box, { id: 'erin', email: 'erin@example.com' }, 'erin-pw');
  await putPolicy(box, { id: 'erin-all', engine: 'allow', link: [{ reference: 'User/erin' }] });
});
afterAll(async () => box?.stop());

async function codeFlow(nonce?: string) {
  const { verifier, challenge } = pkcePair();
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'spa',
    redirect_uri: CB,
    state: 's',
    scope: 'openid',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(nonce ? { nonce } : {}),
  });
  const { location } = await new TestBrowser(box.url).authorize(`/auth/authorize?${q}`, 'erin', 'erin-pw');
  return token(box, {
    grant_type: 'authorization_code',
    code: location.searchParams.get('code') ?? '',
    redirect_uri: CB,
    client_id: 'spa',
    code_verifier: verifier,
  });
}

describe('alternate reading: sign-in', () => {
  it('the code grant returns an ID token with neither nonce nor kid, still verifiable by the JWKS', async () => {
    const t = await codeFlow('n-1');
    expect(t.status).toBe(200);
    const idToken = String(t.body.id_token);
    expect(decodeProtectedHeader(idToken)).not.toHaveProperty('kid');
    expect(decodeJwt(idToken)).not.toHaveProperty('nonce');
    // jose picks the JWKS's only RS256 key when the header names none.
    const jwks = createRemoteJWKSet(new URL(`${box.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(idToken, jwks, { issuer: box.url, audience: 'spa' });
    expect(payload.sub).toBe('erin');
    expect(t.body.userinfo).toMatchObject({ id: 'erin' });
  });

  it('no expires_in and no exp when the Client sets no access_token_expiration; the token works', async () => {
    const t = await codeFlow();
    expect(t.body).not.toHaveProperty('expires_in');
    expect(decodeJwt(String(t.body.access_token))).not.toHaveProperty('exp');
    const read = await api(box, '/fhir/User/erin', bearer(t.body.access_token));
    expect(read.status).toBe(200);
  });

  it('refresh neither rotates nor returns a refresh token, and carries no id_token', async () => {
    const t = await codeFlow();
    const rt = String(t.body.refresh_token);
    const r1 = await token(box, { grant_type: 'refresh_token', refresh_token: rt, client_id: 'spa' });
    expect(r1.status).toBe(200);
    expect(r1.body).not.toHaveProperty('refresh_token');
    expect(r1.body).not.toHaveProperty('id_token');
    const r2 = await token(box, { grant_type: 'refresh_token', refresh_token: rt, client_id: 'spa' });
    expect(r2.status).toBe(200);
    expect((await api(box, '/auth/userinfo', bearer(r2.body.access_token))).body.sub).toBe('erin');
  });

  it('the password grant answers without an id_token: identity only from userinfo', async () => {
    const t = await token(box, {
      grant_type: 'password',
      client_id: 'pw',
      username: 'erin',
      password: 'erin-pw',
      scope: 'openid',
    });
    expect(t.status).toBe(200);
    expect(t.body).not.toHaveProperty('id_token');
    expect(t.body.expires_in).toBe(300);
    expect(t.body.userinfo).toMatchObject({ id: 'erin' });
  });
});
