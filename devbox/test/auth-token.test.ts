// Contract tests for discovery, JWKS and /auth/token grants (sessions, introspection and Basic API
// access are in auth-sessions.test.ts; both share the fixture in auth-helpers.ts).
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, basic, bearer, token, seedTokenFixture } from './auth-helpers.ts';

let box: TestDevbox;

beforeAll(async () => {
  box = await startTestDevbox();
  await seedTokenFixture(box);
});
afterAll(async () => box?.stop());

describe('discovery', () => {
  it('serves both metadata documents without end-session or revocation endpoints', async () => {
    for (const p of ['openid-configuration', 'oauth-authorization-server']) {
      const doc = (await (await fetch(`${box.url}/.well-known/${p}`)).json()) as Record<string, unknown>;
      expect(doc.issuer).toBe(box.url);
      expect(doc.token_endpoint).toBe(`${box.url}/auth/token`);
      expect(doc.code_challenge_methods_supported).toEqual(['S256']);
      expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
      expect(doc).not.toHaveProperty('end_session_endpoint');
      expect(doc).not.toHaveProperty('revocation_endpoint');
    }
  });
  it('publishes only the public key', async () => {
    const jwks = (await (await fetch(`${box.url}/.well-known/jwks.json`)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]?.kid).toBeTruthy();
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.toHaveProperty(priv);
  });
});

describe('client_credentials', () => {
  it('issues an opaque token backed by a Session (Basic auth, form body)', async () => {
    const r = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: basic('svc', 's3cret') },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(String(r.body.access_token).split('.')).toHaveLength(2);
    expect(r.body).not.toHaveProperty('refresh_token');
    const ok = await api(box, '/fhir/Client/svc', bearer(r.body.access_token));
    expect(ok.status).toBe(200);
    const sessions = await api(box, '/fhir/Session?client=svc', box.rootBasic);
    const entries = sessions.body.entry as { resource: Record<string, unknown> }[];
    expect(entries.length).toBeGreaterThan(0);
    const s = entries[0]?.resource ?? {};
    expect(s).toMatchObject({
      type: 'client_credentials',
      active: true,
      client: { reference: 'Client/svc' },
    });
    expect(String(s.access_token)).toMatch(/^sha256:/);
    expect(JSON.stringify(sessions.body)).not.toContain(String(r.body.access_token));
  });

  it('issues an RS256 JWT verifiable with the JWKS (JSON body, secret in body)', async () => {
    const r = await token(
      box,
      {
        grant_type: 'client_credentials',
        client_id: 'svc-jwt',
        client_secret: 'jwt-secret',
        scope: 'system/*.read',
      },
      { json: true },
    );
    expect(r.status).toBe(200);
    const jwks = createRemoteJWKSet(new URL(`${box.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(String(r.body.access_token), jwks, {
      issuer: box.url,
      audience: 'https://rs.example',
    });
    expect(payload).toMatchObject({ sub: 'svc-jwt', scope: 'system/*.read' });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(r.body.refresh_token).toBeTruthy();
    const sessions = await api(box, `/fhir/Session?client=svc-jwt`, box.rootBasic);
    const ids = (sessions.body.entry as { resource: { id: string } }[]).map((e) => e.resource.id);
    expect(ids).toContain(payload.jti);
  });

  it('decodes Basic credentials per RFC 6749 §2.3.1 (form-urlencoded id and secret)', async () => {
    const enc = encodeURIComponent('a:b+c%d');
    const r = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`weird:${enc}`).toString('base64')}` },
    );
    expect(r.status).toBe(200);
  });

  it('refuses a wrong secret, a missing secret, an inactive client and an unknown grant', async () => {
    const wrong = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: basic('svc', 'nope') },
    );
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const missing = await token(box, { grant_type: 'client_credentials', client_id: 'svc' });
    expect(missing).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const off = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: basic('svc-off', 'off') },
    );
    expect(off).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client is inactive' },
    });
    const notAllowed = await token(
      box,
      { grant_type: 'password', username: 'alice', password: 'alice-pw' },
      { authorization: basic('svc', 's3cret') },
    );
    expect(notAllowed).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    const unknown = await token(box, { grant_type: 'magic' }, { authorization: basic('svc', 's3cret') });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });
});

describe('password and refresh_token', () => {
  it('returns userinfo without the password hash, and rotates refresh tokens', async () => {
    const r = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'alice-pw',
      client_id: 'pw',
      client_secret: 'pw-secret',
    });
    expect(r.status).toBe(200);
    expect(r.body.userinfo).toMatchObject({ resourceType: 'User', id: 'alice', email: 'alice@example.com' });
    expect(r.body.userinfo).not.toHaveProperty('password');
    const first = String(r.body.refresh_token);
    const r2 = await token(
      box,
      { grant_type: 'refresh_token', refresh_token: first },
      { authorization: basic('pw', 'pw-secret') },
    );
    expect(r2.status).toBe(200);
    expect(r2.body.refresh_token).not.toBe(first);
    // The old refresh token and the old access token stop working.
    const again = await token(
      box,
      { grant_type: 'refresh_token', refresh_token: first },
      { authorization: basic('pw', 'pw-secret') },
    );
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await api(box, '/fhir/Client/pw', bearer(r.body.access_token))).status).toBe(401);
    expect((await api(box, '/fhir/Client/pw', bearer(r2.body.access_token))).status).toBe(200);
  });

  it('refuses wrong passwords, inactive users and a missing required secret', async () => {
    const bad = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'x',
      client_id: 'pw',
      client_secret: 'pw-secret',
    });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const inactive = await token(box, {
      grant_type: 'password',
      username: 'bob',
      password: 'bob-pw',
      client_id: 'pw',
      client_secret: 'pw-secret',
    });
    expect(inactive).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'User is inactive' },
    });
    const noSecret = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'alice-pw',
      client_id: 'pw',
    });
    expect(noSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('expired access tokens get 401 (JWT, public client)', async () => {
    const r = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'alice-pw',
      client_id: 'pw-public',
    });
    expect(r.status).toBe(200);
    expect(decodeJwt(String(r.body.access_token)).sub).toBe('alice');
    await new Promise((res) => setTimeout(res, 2100));
    const res = await api(box, '/fhir/Client/pw', bearer(r.body.access_token));
    expect(res.status).toBe(401);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});
