// The documentation's own policy-debugging examples, evaluated as the docs say:
// docs/tutorials/security-access-control-tutorials/debug-access-control.md (/auth/test-policy,
// __debug=policy, x-debug: policy) and docs/access-control/authorization/access-policies.md (sql).
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, basic, putClient, putPolicy } from './auth-helpers.ts';

let strict: TestDevbox;
let alternate: TestDevbox;

async function seed(box: TestDevbox) {
  await putClient(box, { id: 'viewer', grant_types: ['basic'] }, 'viewer-pw');
  await putPolicy(box, {
    id: 'viewer-read',
    engine: 'matcho',
    link: [{ reference: 'Client/viewer' }],
    matcho: { 'request-method': 'get' },
  });
  await putPolicy(box, {
    id: 'viewer-sql',
    engine: 'sql',
    link: [{ reference: 'Client/viewer' }],
    sql: { query: 'SELECT {{client.id}} = {{params.owner}}' },
  });
}

beforeAll(async () => {
  strict = await startTestDevbox({ devMode: true });
  alternate = await startTestDevbox({ devMode: true, reading: 'alternate' });
  await seed(strict);
  await seed(alternate);
});
afterAll(async () => Promise.all([strict?.stop(), alternate?.stop()]));

async function testPolicy(box: TestDevbox, body: unknown) {
  const res = await fetch(`${box.url}/auth/test-policy`, {
    method: 'POST',
    headers: { authorization: box.rootBasic, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { request: Record<string, unknown>; result: Record<string, unknown> };
}

const sql = (query: string) => ({ engine: 'sql', sql: { query } });

describe('/auth/test-policy (debug-access-control.md)', () => {
  it("the page's example: eval-result false, query as SQL with ? plus parameters, identifier lower-cased", async () => {
    const out = await testPolicy(strict, {
      request: {
        uri: '/fhir/Patient',
        'request-method': 'get',
        user: { role: 'admin' },
        client: { id: 'basic', grant_types: ['basic'] },
      },
      policy: sql('SELECT {{user.role}} FROM {{!params.resource/type}}'),
    });
    expect(out.request).toMatchObject({ uri: '/fhir/Patient', params: { 'resource/type': 'Patient' } });
    expect(out.result).toMatchObject({ 'eval-result': false, query: ['SELECT ? FROM "patient"', 'admin'] });
  });

  it('a JWT in headers.authorization is parsed (not validated) into request.jwt', async () => {
    const jwt = await new SignJWT({ sub: 'p-1', patient_id: 'pt-7' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('any key at all: not validated'));
    const out = await testPolicy(strict, {
      request: { uri: '/fhir/Client', 'request-method': 'get', headers: { authorization: `Bearer ${jwt}` } },
      policy: { engine: 'matcho', matcho: { jwt: { patient_id: 'pt-7' } } },
    });
    expect(out.result['eval-result']).toBe(true);
    expect(out.request.jwt).toMatchObject({ sub: 'p-1', patient_id: 'pt-7' });
  });

  it('user-id and client-id are looked up in the database', async () => {
    const out = await testPolicy(strict, {
      request: { uri: '/fhir/Client/x', 'request-method': 'get', 'client-id': 'viewer', 'user-id': 'admin' },
      policy: sql("SELECT {{client.id}} = 'viewer' AND {{user.id}} = 'admin'"),
    });
    expect(out.result).toMatchObject({ 'eval-result': true });
    expect(out.request.client).toMatchObject({ id: 'viewer' });
    expect(out.request.client).not.toHaveProperty('secret');
  });
});

describe('sql engine (access-policies.md)', () => {
  const evalSql = async (query: string, uri = '/fhir/Client') =>
    (await testPolicy(strict, { request: { uri, 'request-method': 'get' }, policy: sql(query) })).result;

  it('SELECT 1 and SELECT true allow; SELECT false, SELECT 0, NULL and no row deny', async () => {
    expect((await evalSql('SELECT 1'))['eval-result']).toBe(true);
    expect((await evalSql('select true'))['eval-result']).toBe(true);
    expect((await evalSql('select false'))['eval-result']).toBe(false);
    expect((await evalSql('SELECT 0'))['eval-result']).toBe(false);
    expect((await evalSql('SELECT NULL'))['eval-result']).toBe(false);
    expect((await evalSql("SELECT true FROM client WHERE id = 'nobody'"))['eval-result']).toBe(false);
  });

  it('{{!params.resource/type}} becomes a double-quoted, lower-cased table name', async () => {
    const r = await evalSql('SELECT true from {{!params.resource/type}} limit 1');
    expect(r).toMatchObject({ 'eval-result': true, query: ['SELECT true from "client" limit 1'] });
  });

  it('complex example 1: check-1 AND (check-2 OR check-3)', async () => {
    const policy = (third: string) => ({
      engine: 'complex',
      and: [sql('select true'), { engine: 'complex', or: [sql('select false'), sql(third)] }],
    });
    const run = async (third: string) =>
      (
        await testPolicy(strict, {
          request: { uri: '/fhir/Client', 'request-method': 'get' },
          policy: policy(third),
        })
      ).result['eval-result'];
    expect(await run('select false')).toBe(false);
    expect(await run('select true')).toBe(true);
  });
});

describe('__debug=policy', () => {
  it('strict: every AccessPolicy with its result under evalResult (the documented name)', async () => {
    const res = await api(strict, '/fhir/Client?owner=viewer&__debug=policy', basic('viewer', 'viewer-pw'));
    expect(res.status).toBe(200);
    expect(res.body.evalResult).toBe(true);
    const policies = res.body.policies as Record<string, unknown>[];
    expect(policies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'viewer-read',
          engine: 'matcho',
          matcho: { 'request-method': 'get' },
          evalResult: true,
        }),
        expect.objectContaining({
          id: 'viewer-sql',
          evalResult: true,
          query: ['SELECT ? = ?', 'viewer', 'viewer'],
        }),
      ]),
    );
    for (const p of policies) expect(p).not.toHaveProperty('eval-result');
  });

  it('alternate: the same output with eval-result', async () => {
    const res = await api(alternate, '/fhir/Client?__debug=policy', basic('viewer', 'viewer-pw'));
    expect(res.body['eval-result']).toBe(true);
    const policies = res.body.policies as Record<string, unknown>[];
    expect(policies.find((p) => p.id === 'viewer-sql')).toMatchObject({ 'eval-result': false });
    for (const p of policies) expect(p).not.toHaveProperty('evalResult');
  });
});

describe('x-debug: policy', () => {
  it('logs each evaluated policy and still answers the request', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const res = await fetch(`${strict.url}/fhir/Client`, {
        headers: { authorization: basic('viewer', 'viewer-pw'), 'x-debug': 'policy' },
      });
      expect(res.status).toBe(200);
      const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('auth/trace-policy'));
      expect(lines.some((l) => l.includes('"access-policy-id":"viewer-read"'))).toBe(true);
      expect(lines.some((l) => l.includes('"policy-type":"sql"'))).toBe(true);
      log.mockClear();
      await fetch(`${strict.url}/fhir/Client`, { headers: { authorization: basic('viewer', 'viewer-pw') } });
      expect(log.mock.calls.some((c) => String(c[0]).includes('auth/trace-policy'))).toBe(false);
    } finally {
      log.mockRestore();
    }
  });
});
