// Contract tests for userinfo, introspection, revocation (DELETE /Session) and Basic API access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, basic, bearer, token, seedTokenFixture } from './auth-helpers.ts';

let box: TestDevbox;

beforeAll(async () => {
  box = await startTestDevbox();
  await seedTokenFixture(box);
});
afterAll(async () => box?.stop());

describe('sessions, userinfo, introspection', () => {
  it('userinfo answers for user tokens, 401 without one', async () => {
    const r = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'alice-pw',
      client_id: 'pw',
      client_secret: 'pw-secret',
    });
    const me = await api(box, '/auth/userinfo', bearer(r.body.access_token));
    expect(me).toMatchObject({ status: 200, body: { id: 'alice' } });
    expect(me.body).not.toHaveProperty('password');
    expect((await api(box, '/auth/userinfo', undefined)).status).toBe(401);
  });

  it('introspects with client authentication; revoked tokens are inactive', async () => {
    const r = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: basic('svc-jwt', 'jwt-secret') },
    );
    const ask = async (auth?: string) => {
      const res = await fetch(`${box.url}/auth/introspect`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(auth ? { authorization: auth } : {}),
        },
        body: new URLSearchParams({ token: String(r.body.access_token) }).toString(),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await ask()).status).toBe(401);
    const live = await ask(basic('svc', 's3cret'));
    expect(live.body).toMatchObject({ active: true, client_id: 'svc-jwt', sub: 'svc-jwt' });
    const del = await api(box, '/Session', bearer(r.body.access_token), { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await ask(basic('svc', 's3cret'))).body).toEqual({ active: false });
  });

  it('DELETE /fhir/Session revokes opaque tokens and their refresh token', async () => {
    const r = await token(box, {
      grant_type: 'password',
      username: 'alice',
      password: 'alice-pw',
      client_id: 'pw',
      client_secret: 'pw-secret',
    });
    expect((await api(box, '/fhir/Session', bearer(r.body.access_token), { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await api(box, '/fhir/Client/pw', bearer(r.body.access_token))).status).toBe(401);
    const refreshed = await token(
      box,
      { grant_type: 'refresh_token', refresh_token: String(r.body.refresh_token) },
      { authorization: basic('pw', 'pw-secret') },
    );
    expect(refreshed.body.error).toBe('invalid_grant');
    expect((await api(box, '/Session', undefined, { method: 'DELETE' })).status).toBe(401);
    // Without a bearer (or with a query) DELETE /fhir/Session is an ordinary FHIR request.
    expect((await api(box, '/fhir/Session', undefined, { method: 'DELETE' })).status).toBe(401);
    const other = await token(
      box,
      { grant_type: 'client_credentials' },
      { authorization: basic('svc', 's3cret') },
    );
    const cond = await api(box, '/fhir/Session?client=nobody', bearer(other.body.access_token), {
      method: 'DELETE',
    });
    expect(cond.status).not.toBe(401);
    expect((await api(box, '/fhir/Client/svc', bearer(other.body.access_token))).status).toBe(200);
  });
});

describe('API authentication', () => {
  it('needs credentials', async () => {
    const res = await api(box, '/fhir/Client', undefined);
    expect(res.status).toBe(401);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect((await api(box, '/fhir/Client', 'Bearer not-a-token')).status).toBe(401);
  });

  it('accepts Basic only for clients with the basic grant', async () => {
    expect((await api(box, '/fhir/Client/svc', basic('svc-jwt', 'jwt-secret'))).status).toBe(200);
    const noBasic = await api(box, '/fhir/Client/svc', basic('svc', 's3cret'));
    expect(noBasic.status).toBe(401);
    expect(JSON.stringify(noBasic.body)).toContain('Basic auth is not enabled for client svc');
    expect((await api(box, '/fhir/Client/svc', basic('svc-jwt', 'wrong'))).status).toBe(401);
  });
});
