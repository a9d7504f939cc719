// Contract tests for API access control over real HTTP (dev mode on): every engine allowing and
// denying, hostile values against a sql policy, OR semantics, global policies, debug facilities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, basic, bearer, putClient, putPolicy, putUser, token } from './auth-helpers.ts';

let box: TestDevbox;
const as = (id: string) => basic(id, `${id}-secret`);

beforeAll(async () => {
  box = await startTestDevbox({ devMode: true });
  for (const id of [
    'c-allow',
    'c-matcho',
    'c-path',
    'c-schema',
    'c-sql',
    'c-ident',
    'c-and',
    'c-or',
    'c-none',
    'c-tx',
  ]) {
    await putClient(
      box,
      { id, name: id === 'c-sql' ? 'open' : 'closed', grant_types: ['basic', 'password'] },
      `${id}-secret`,
    );
  }
  await putUser(box, { id: 'erin' }, 'erin-pw');
  await putPolicy(box, { id: 'p-allow', engine: 'allow', link: [{ reference: 'Client/c-allow' }] });
  await putPolicy(box, {
    id: 'p-matcho',
    engine: 'matcho',
    link: [{ reference: 'Client/c-matcho' }],
    matcho: {
      'request-method': 'get',
      params: { 'resource/type': 'Client', _include: 'nil?' },
      operation: { id: { $enum: ['FhirRead', 'FhirSearch'] } },
    },
  });
  await putPolicy(box, {
    id: 'p-path',
    engine: 'matcho',
    link: [{ reference: 'Client/c-path' }],
    matcho: { params: { 'resource/id': '.client.id' } },
  });
  await putPolicy(box, {
    id: 'p-schema',
    engine: 'json-schema',
    link: [{ reference: 'Client/c-schema' }],
    schema: {
      type: 'object',
      required: ['operation'],
      properties: { operation: { properties: { id: { const: 'FhirRead' } } }, 'query-string': false },
    },
  });
  await putPolicy(box, {
    id: 'p-sql',
    engine: 'sql',
    link: [{ reference: 'Client/c-sql' }],
    sql: {
      query:
        "SELECT EXISTS (SELECT 1 FROM client WHERE id = {{params.resource/id}} AND resource->>'name' = 'open') AND coalesce({{params.tag}}, 'ok') = 'ok'",
    },
  });
  await putPolicy(box, {
    id: 'p-ident',
    engine: 'sql',
    link: [{ reference: 'Client/c-ident' }],
    sql: { query: 'SELECT count(*) >= 0 FROM {{!params.table}}' },
  });
  await putPolicy(box, {
    id: 'p-and',
    engine: 'complex',
    link: [{ reference: 'Client/c-and' }],
    and: [
      { engine: 'matcho', matcho: { 'request-method': 'get' } },
      { engine: 'sql', sql: { query: "SELECT {{params.resource/type}} = 'Client'" } },
    ],
  });
  await putPolicy(box, {
    id: 'p-or',
    engine: 'complex',
    link: [{ reference: 'Client/c-or' }],
    or: [
      { engine: 'matcho', matcho: { params: { 'resource/type': 'User' } } },
      {
        engine: 'json-schema',
        schema: {
          required: ['params'],
          properties: {
            params: { required: ['resource/id'], properties: { 'resource/id': { const: 'c-or' } } },
          },
        },
      },
    ],
  });
  // Mixed link: Client/nobody OR Operation/FhirVread → anyone may vread (the classic mistake).
  await putPolicy(box, {
    id: 'p-mixed',
    engine: 'allow',
    link: [{ reference: 'Client/nobody' }, { reference: 'Operation/FhirVread' }],
  });
  await putPolicy(box, { id: 'p-global', engine: 'matcho', matcho: { headers: { 'x-global-test': 'yes' } } });
  await putPolicy(box, {
    id: 'p-user',
    engine: 'matcho',
    link: [{ reference: 'User/erin' }],
    matcho: { params: { 'resource/type': 'User', 'resource/id': '.user.id' } },
  });
  await putPolicy(box, {
    id: 'p-tx',
    engine: 'matcho',
    link: [{ reference: 'Client/c-tx' }],
    matcho: {
      '$one-of': [{ operation: { id: 'FhirTransaction' } }, { params: { 'resource/type': 'Client' } }],
    },
  });
});
afterAll(async () => box?.stop());

const get = (path: string, who: string, headers: Record<string, string> = {}) =>
  fetch(`${box.url}${path}`, { headers: { authorization: as(who), ...headers } }).then((r) => r.status);

describe('engines', () => {
  it('allow', async () => {
    expect(await get('/fhir/User', 'c-allow')).toBe(200);
  });
  it('no policy → 403 with the Aidbox OperationOutcome', async () => {
    const res = await api(box, '/fhir/Client', as('c-none'));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      resourceType: 'OperationOutcome',
      id: 'forbidden',
      issue: [{ severity: 'fatal', code: 'forbidden', diagnostics: 'Forbidden' }],
    });
  });
  it('matcho', async () => {
    expect(await get('/fhir/Client', 'c-matcho')).toBe(200);
    expect(await get('/fhir/Client/c-matcho', 'c-matcho')).toBe(200);
    expect(await get('/fhir/Client?_include=x', 'c-matcho')).toBe(403);
    expect(await get('/fhir/User', 'c-matcho')).toBe(403);
    const del = await api(box, '/fhir/Client/c-none', as('c-matcho'), { method: 'DELETE' });
    expect(del.status).toBe(403);
  });
  it('matcho .path references', async () => {
    expect(await get('/fhir/Client/c-path', 'c-path')).toBe(200);
    expect(await get('/fhir/Client/c-allow', 'c-path')).toBe(403);
  });
  it('json-schema (empty query-string stripped)', async () => {
    expect(await get('/fhir/Client/c-schema', 'c-schema')).toBe(200);
    expect(await get('/fhir/Client/c-schema?_elements=id', 'c-schema')).toBe(403);
    expect(await get('/fhir/Client', 'c-schema')).toBe(403);
  });
  it('sql, run for real with bound parameters', async () => {
    expect(await get('/fhir/Client/c-sql', 'c-sql')).toBe(200);
    expect(await get('/fhir/Client/c-allow', 'c-sql')).toBe(403);
    expect(await get('/fhir/Client/c-sql?tag=nope', 'c-sql')).toBe(403);
  });
  it('sql fed hostile values cannot change its query', async () => {
    const hostile = "c-allow' OR '1'='1";
    expect(await get(`/fhir/Client/${encodeURIComponent(hostile)}`, 'c-sql')).toBe(403);
    expect(await get(`/fhir/Client/c-sql?tag=${encodeURIComponent("x' OR '1'='1")}`, 'c-sql')).toBe(403);
    expect(
      await get(`/fhir/Client/c-sql?tag=${encodeURIComponent("ok'; DROP TABLE client; --")}`, 'c-sql'),
    ).toBe(403);
    expect(await get(`/fhir/Client?table=client`, 'c-ident')).toBe(200);
    expect(
      await get(`/fhir/Client?table=${encodeURIComponent('client; DROP TABLE client')}`, 'c-ident'),
    ).toBe(403);
    expect(await get(`/fhir/Client?table=${encodeURIComponent('"client"')}`, 'c-ident')).toBe(403);
    expect(await get('/fhir/Client/c-sql', 'c-sql')).toBe(200); // the table is still there
    // The hostile value was evaluated as data (false, no SQL error), not rejected by accident.
    const dbg = await api(box, `/fhir/Client/${encodeURIComponent(hostile)}?__debug=policy`, as('c-sql'));
    const sql = (dbg.body.policies as Record<string, unknown>[]).find((x) => x.id === 'p-sql');
    expect(sql).toMatchObject({ evalResult: false });
    expect(sql).not.toHaveProperty('error');
    expect(String((sql?.query as unknown[])[0])).not.toContain('OR');
  });
  it('complex and / or', async () => {
    expect(await get('/fhir/Client', 'c-and')).toBe(200);
    expect(await get('/fhir/User', 'c-and')).toBe(403);
    expect(await get('/fhir/User', 'c-or')).toBe(200);
    expect(await get('/fhir/Client/c-or', 'c-or')).toBe(200);
    expect(await get('/fhir/Client', 'c-or')).toBe(403);
  });
});

describe('candidates', () => {
  it('mixed Client/Operation links are OR-ed: any caller may use the linked operation', async () => {
    const read = await api(box, '/fhir/Client/c-none', box.rootBasic);
    const vid = (read.body.meta as { versionId: string }).versionId;
    expect(await get(`/fhir/Client/c-none/_history/${vid}`, 'c-none')).toBe(200);
    expect(await get('/fhir/Client/c-none', 'c-none')).toBe(403);
  });
  it('global policies apply to every caller', async () => {
    expect(await get('/fhir/Client', 'c-none', { 'x-global-test': 'yes' })).toBe(200);
    expect(await get('/fhir/Client', 'c-none', { 'x-global-test': 'no' })).toBe(403);
  });
  it('user-linked policies apply to the user’s tokens', async () => {
    const t = await token(
      box,
      { grant_type: 'password', username: 'erin', password: 'erin-pw' },
      { authorization: as('c-none') },
    );
    expect(t.status).toBe(200);
    expect((await api(box, '/fhir/User/erin', bearer(t.body.access_token))).status).toBe(200);
    expect((await api(box, '/fhir/User/admin', bearer(t.body.access_token))).status).toBe(403);
  });
  it('a policy write takes effect on the next request', async () => {
    expect(await get('/fhir/Operation', 'c-none')).toBe(403);
    await putPolicy(box, { id: 'p-late', engine: 'allow', link: [{ reference: 'Client/c-none' }] });
    expect(await get('/fhir/Operation', 'c-none')).toBe(200);
    await box.ctx.store.delete('AccessPolicy', 'p-late');
    expect(await get('/fhir/Operation', 'c-none')).toBe(403);
  });
  it('authorizes each transaction entry on its own', async () => {
    const bundle = (type: string) => ({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          request: { method: 'PUT', url: `${type}/tx-made` },
          resource: { resourceType: type, ...(type === 'Client' ? {} : {}) },
        },
      ],
    });
    const ok = await api(box, '/fhir', as('c-tx'), { method: 'POST', body: bundle('Client') });
    expect(ok.status).toBe(200);
    const denied = await api(box, '/fhir', as('c-tx'), { method: 'POST', body: bundle('User') });
    expect(denied.status).toBe(403);
    expect(await box.ctx.store.read('User', 'tx-made')).toBeUndefined();
  });
});

describe('debug facilities (dev mode on)', () => {
  it('__debug=policy and _debug=policy return the request object and each result', async () => {
    for (const p of ['__debug', '_debug']) {
      const res = await api(box, `/fhir/Client/c-path?${p}=policy`, as('c-path'));
      expect(res.status).toBe(200);
      const request = res.body.request as Record<string, unknown>;
      expect(request).toMatchObject({
        'request-method': 'get',
        uri: '/fhir/Client/c-path',
        operation: { id: 'FhirRead' },
        params: { 'resource/type': 'Client', 'resource/id': 'c-path' },
        client: { id: 'c-path' },
      });
      expect((request.params as Record<string, unknown>)[p]).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain(as('c-path').slice(6));
      expect(res.body.policies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'p-path', engine: 'matcho', evalResult: true }),
        ]),
      );
    }
  });
  it('POST /auth/test-policy evaluates an unsaved policy', async () => {
    const res = await fetch(`${box.url}/auth/test-policy`, {
      method: 'POST',
      headers: { authorization: box.rootBasic, 'content-type': 'application/json' },
      body: JSON.stringify({
        request: {
          uri: '/fhir/Client/c-sql',
          'request-method': 'get',
          'client-id': 'c-sql',
          'user-id': 'erin',
        },
        policy: { engine: 'sql', sql: { query: "SELECT {{client.id}} = 'c-sql' AND {{user.id}} = 'erin'" } },
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.operation).toEqual({ id: 'FhirRead' });
    expect(body.result).toMatchObject({
      'eval-result': true,
      query: ["SELECT ? = 'c-sql' AND ? = 'erin'", 'c-sql', 'erin'],
    });
    const denied = await fetch(`${box.url}/auth/test-policy`, {
      method: 'POST',
      headers: { authorization: as('c-none'), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(denied.status).toBe(403);
  });
});
