import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import type { Api, Outcome } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

let box: TestDevbox;
let api: Api;
beforeAll(async () => {
  box = await startTestDevbox({ maxBodyBytes: 64 * 1024 });
  api = apiFor(box.url, box.rootBasic);
});
afterAll(() => box.stop());

function expectOutcome(body: Outcome, code: string) {
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue[0]?.code).toBe(code);
  expect(body.issue[0]?.diagnostics).toEqual(expect.any(String));
}

describe('error responses are OperationOutcomes', () => {
  it('malformed JSON → 400', async () => {
    const res = await api<Outcome>('POST', '/fhir/Client', '{"resourceType": "Client",');
    expect(res.status).toBe(400);
    expectOutcome(res.body, 'structure');
  });

  it('a body that is not an object → 400', async () => {
    const res = await api<Outcome>('PUT', '/fhir/Client/x', '"just a string"');
    expect(res.status).toBe(400);
  });

  it('unknown resource type → 404', async () => {
    const res = await api<Outcome>('GET', '/fhir/Patient/1');
    expect(res.status).toBe(404);
    expectOutcome(res.body, 'not-found');
    expect((await api('POST', '/fhir/Widget', { resourceType: 'Widget' })).status).toBe(404);
  });

  it('unknown id → 404 naming the resource', async () => {
    const res = await api<Outcome>('GET', '/fhir/Client/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body.issue[0]?.diagnostics).toContain('Client/does-not-exist');
  });

  it('wrong method → 405; Operation is read-only', async () => {
    expect((await api<Outcome>('POST', '/fhir/Client/x', { resourceType: 'Client' })).status).toBe(405);
    expect((await api<Outcome>('PATCH', '/fhir/Client', {})).status).toBe(405);
    expect((await api<Outcome>('GET', '/fhir')).status).toBe(405);
    const op = await api<Outcome>('POST', '/fhir/Operation', { resourceType: 'Operation', id: 'Mine' });
    expect(op.status).toBe(405);
    expectOutcome(op.body, 'not-supported');
    expect((await api('DELETE', '/fhir/Operation/FhirRead')).status).toBe(405);
  });

  it('oversized body → 413', async () => {
    const big = { resourceType: 'Client', id: 'big', description: 'x'.repeat(70 * 1024) };
    const res = await api<Outcome>('POST', '/fhir/Client', big);
    expect(res.status).toBe(413);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect((await api('GET', '/fhir/Client/big')).status).toBe(404);
  });

  it('bad search parameters → 400 naming the parameter', async () => {
    const res = await api<Outcome>('GET', '/fhir/Client?_count=abc');
    expect(res.status).toBe(400);
    expect(res.body.issue[0]?.expression).toEqual(['_count']);
    expect((await api('GET', '/fhir/Client?_page=0')).status).toBe(400);
    expect((await api('GET', '/fhir/Client?_sort=name;drop')).status).toBe(400);
    expect((await api('GET', '/fhir/Client?_lastUpdated=yesterday')).status).toBe(400);
    expect((await api('GET', '/fhir/Client?_total=maybe')).status).toBe(400);
  });
});

describe('validation → 422 with expression', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['Client', { active: 'yes' }, 'Client.active'],
    ['Client', { grant_types: ['magic'] }, 'Client.grant_types[0]'],
    ['Client', { grant_types: 'basic' }, 'Client.grant_types'],
    ['Client', { auth: { authorization_code: { pkce: 'true' } } }, 'Client.auth.authorization_code.pkce'],
    [
      'Client',
      { auth: { client_credentials: { access_token_expiration: -1 } } },
      'Client.auth.client_credentials.access_token_expiration',
    ],
    [
      'Client',
      { auth: { authorization_code: { token_format: 'paseto' } } },
      'Client.auth.authorization_code.token_format',
    ],
    ['Client', { secret: 42 }, 'Client.secret'],
    ['Client', { id: 'bad id!' }, 'Client.id'],
    ['AccessPolicy', { engine: 'magic' }, 'AccessPolicy.engine'],
    ['AccessPolicy', {}, 'AccessPolicy.engine'],
    [
      'AccessPolicy',
      { engine: 'allow', link: [{ reference: 'Patient/1' }] },
      'AccessPolicy.link[0].reference',
    ],
    [
      'AccessPolicy',
      { engine: 'allow', link: [{ resourceType: 'Patient', id: 'x' }] },
      'AccessPolicy.link[0].reference',
    ],
    ['AccessPolicy', { engine: 'allow', link: { reference: 'Client/x' } }, 'AccessPolicy.link'],
    ['AccessPolicy', { engine: 'sql', sql: { query: 1 } }, 'AccessPolicy.sql.query'],
    ['AccessPolicy', { engine: 'matcho' }, 'AccessPolicy.matcho'],
    ['AccessPolicy', { engine: 'complex', and: [{ engine: 'nope' }] }, 'AccessPolicy.and[0].engine'],
  ];
  it.each(cases)('%s %j → 422 at %s', async (type, fields, expression) => {
    const res = await api<Outcome>('POST', `/fhir/${type}`, { resourceType: type, ...fields });
    expect(res.status).toBe(422);
    expect(res.body.issue[0]?.code).toBe('invalid');
    expect(res.body.issue[0]?.expression).toContain(expression);
  });

  it('resourceType mismatch → 422', async () => {
    const res = await api<Outcome>('POST', '/fhir/Client', { resourceType: 'User', id: 'u' });
    expect(res.status).toBe(422);
    expect(res.body.issue[0]?.expression).toContain('Client.resourceType');
  });

  it('validates PUT and PATCH results too', async () => {
    await api('POST', '/fhir/Client', { resourceType: 'Client', id: 'val-p' });
    expect((await api('PUT', '/fhir/Client/val-p', { resourceType: 'Client', active: 1 })).status).toBe(422);
    expect((await api('PATCH', '/fhir/Client/val-p', { first_party: 'no' })).status).toBe(422);
  });

  it('stores and returns unknown fields unchanged', async () => {
    const body = {
      resourceType: 'AccessPolicy',
      id: 'val-unknown',
      engine: 'matcho',
      matcho: { uri: '#/fhir/.*' },
      link: [{ reference: 'Operation/FhirRead' }, { reference: 'User/u1' }],
      'x-team': { owner: 'ops', tags: ['a', 'b'] },
      extension: [{ url: 'http://example.org/x', valueString: 'y' }],
    };
    const res = await api<Record<string, unknown>>('POST', '/fhir/AccessPolicy', body);
    expect(res.status).toBe(201);
    const { meta: _meta, ...rest } = (
      await api<Record<string, unknown>>('GET', '/fhir/AccessPolicy/val-unknown')
    ).body;
    expect(rest).toEqual(body);
  });
});
