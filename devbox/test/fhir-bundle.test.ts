import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizeSubrequest } from '../http/fhir-env.ts';
import { processBundle } from '../http/fhir-transaction.ts';
import { apiFor } from '../testing/http.ts';
import type { Api, Outcome } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

interface R {
  resourceType: string;
  id: string;
  meta: { versionId: string };
  [k: string]: unknown;
}
interface ResponseBundle {
  type: string;
  entry: {
    resource?: R;
    response: { status: string; location?: string; etag?: string; outcome?: Outcome };
  }[];
}

let box: TestDevbox;
let api: Api;
beforeAll(async () => {
  box = await startTestDevbox();
  api = apiFor(box.url, box.rootBasic);
});
afterAll(() => box.stop());

const bundle = (type: string, entry: unknown[]) => ({ resourceType: 'Bundle', type, entry });
const policy = (id: string, link: unknown[] = []) => ({
  resourceType: 'AccessPolicy',
  id,
  engine: 'allow',
  link,
});

describe('transaction', () => {
  it('writes every entry and resolves urn:uuid references', async () => {
    const res = await api<ResponseBundle>(
      'POST',
      '/fhir',
      bundle('transaction', [
        {
          fullUrl: 'urn:uuid:6f1c1d3e-0000-4000-8000-000000000001',
          resource: { resourceType: 'Client', grant_types: ['client_credentials'] },
          request: { method: 'POST', url: 'Client' },
        },
        {
          resource: {
            resourceType: 'AccessPolicy',
            engine: 'allow',
            link: [{ reference: 'urn:uuid:6f1c1d3e-0000-4000-8000-000000000001' }],
          },
          request: { method: 'PUT', url: 'AccessPolicy/tx-linked' },
        },
        { request: { method: 'GET', url: 'AccessPolicy/tx-linked' } },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('transaction-response');
    expect(res.body.entry.map((e) => e.response.status)).toEqual(['201 Created', '201 Created', '200 OK']);
    const clientId = res.body.entry[0]?.resource?.id;
    expect(res.body.entry[0]?.response.location).toContain(`/fhir/Client/${clientId}/_history/`);
    const linked = await api<R>('GET', '/fhir/AccessPolicy/tx-linked');
    expect(linked.body.link).toEqual([{ reference: `Client/${clientId}` }]);
  });

  it('a failing entry leaves nothing written and names the entry', async () => {
    await api('POST', '/fhir/AccessPolicy', policy('tx-existing'));
    const before = (await api<R>('GET', '/fhir/AccessPolicy/tx-existing')).body;
    const res = await api<Outcome>(
      'POST',
      '/fhir',
      bundle('transaction', [
        { resource: { resourceType: 'Client', id: 'tx-new' }, request: { method: 'POST', url: 'Client' } },
        {
          resource: policy('tx-existing', [{ reference: 'Client/tx-new' }]),
          request: { method: 'PUT', url: 'AccessPolicy/tx-existing' },
        },
        { resource: policy('tx-existing'), request: { method: 'POST', url: 'AccessPolicy' } },
      ]),
    );
    expect(res.status).toBe(409);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0]?.diagnostics).toContain('entry[2]');
    expect((await api('GET', '/fhir/Client/tx-new')).status).toBe(404);
    const after = (await api<R>('GET', '/fhir/AccessPolicy/tx-existing')).body;
    expect(after).toEqual(before);
    const history = await api<{ total: number }>('GET', '/fhir/Client/tx-new/_history');
    expect(history.body.total).toBe(0);
  });

  it('a validation failure is 422 with the field expression', async () => {
    const res = await api<Outcome>(
      'POST',
      '/fhir',
      bundle('transaction', [
        { resource: policy('tx-ok'), request: { method: 'PUT', url: 'AccessPolicy/tx-ok' } },
        {
          resource: policy('tx-bad', [{ reference: 'Patient/1' }]),
          request: { method: 'PUT', url: 'AccessPolicy/tx-bad' },
        },
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.issue[0]?.expression).toEqual(['AccessPolicy.link[0].reference']);
    expect((await api('GET', '/fhir/AccessPolicy/tx-ok')).status).toBe(404);
  });

  it('per-entry ifMatch: a stale version fails the whole transaction with 412', async () => {
    const a = (await api<R>('POST', '/fhir/AccessPolicy', policy('tx-im-a'))).body;
    const b = (await api<R>('POST', '/fhir/AccessPolicy', policy('tx-im-b'))).body;
    await api('PATCH', '/fhir/AccessPolicy/tx-im-b', { description: 'changed by someone else' });
    const res = await api<Outcome>(
      'POST',
      '/fhir',
      bundle('transaction', [
        {
          resource: policy('tx-im-a', [{ reference: 'Client/c1' }]),
          request: { method: 'PUT', url: 'AccessPolicy/tx-im-a', ifMatch: `W/"${a.meta.versionId}"` },
        },
        {
          resource: policy('tx-im-b', [{ reference: 'Client/c1' }]),
          request: { method: 'PUT', url: 'AccessPolicy/tx-im-b', ifMatch: `W/"${b.meta.versionId}"` },
        },
      ]),
    );
    expect(res.status).toBe(412);
    expect((await api<R>('GET', '/fhir/AccessPolicy/tx-im-a')).body.link).toEqual([]);
  });

  it('rejects non-Bundles and unsupported Bundle types with 422', async () => {
    expect((await api('POST', '/fhir', { resourceType: 'Client' })).status).toBe(422);
    expect((await api('POST', '/fhir', bundle('collection', []))).status).toBe(422);
    expect((await api('POST', '/fhir', bundle('transaction', [{ resource: {} }]))).status).toBe(422);
    expect((await api('POST', '/fhir', '{oops')).status).toBe(400);
  });
});

describe('batch', () => {
  it('runs entries independently with their own statuses', async () => {
    const p = (await api<R>('POST', '/fhir/AccessPolicy', policy('b-1'))).body;
    const res = await api<ResponseBundle>(
      'POST',
      '/fhir',
      bundle('batch', [
        { resource: { resourceType: 'Client', id: 'b-new' }, request: { method: 'POST', url: 'Client' } },
        { resource: policy('b-1'), request: { method: 'PUT', url: 'AccessPolicy/b-1', ifMatch: '999999' } },
        {
          resource: policy('b-1', [{ reference: 'User/u' }]),
          request: { method: 'PUT', url: 'AccessPolicy/b-1', ifMatch: p.meta.versionId },
        },
        { request: { method: 'GET', url: 'Client/missing' } },
        { request: { method: 'DELETE', url: 'Client/b-new' } },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('batch-response');
    expect(res.body.entry.map((e) => e.response.status.split(' ')[0])).toEqual([
      '201',
      '412',
      '200',
      '404',
      '200',
    ]);
    expect(res.body.entry[1]?.response.outcome?.issue[0]?.code).toBe('conflict');
    expect((await api<R>('GET', '/fhir/AccessPolicy/b-1')).body.link).toEqual([{ reference: 'User/u' }]);
    expect((await api('GET', '/fhir/Client/b-new')).status).toBe(410);
  });
});

describe('per-entry authorization (authorizeSubrequest from access control)', () => {
  const denyUsers: AuthorizeSubrequest = (req) => Promise.resolve(!req.path.startsWith('/fhir/User'));

  it('one denied entry fails the whole transaction with 403 before anything is written', async () => {
    const result = await processBundle(
      box.ctx,
      bundle('transaction', [
        { resource: { resourceType: 'Client', id: 'az-c' }, request: { method: 'PUT', url: 'Client/az-c' } },
        { resource: { resourceType: 'User', id: 'az-u' }, request: { method: 'PUT', url: 'User/az-u' } },
      ]),
      denyUsers,
    );
    expect(result.status).toBe(403);
    expect((await api('GET', '/fhir/Client/az-c')).status).toBe(404);
  });

  it('a denied batch entry gets its own 403', async () => {
    const result = await processBundle(
      box.ctx,
      bundle('batch', [
        {
          resource: { resourceType: 'Client', id: 'az-c2' },
          request: { method: 'PUT', url: 'Client/az-c2' },
        },
        { resource: { resourceType: 'User', id: 'az-u2' }, request: { method: 'PUT', url: 'User/az-u2' } },
      ]),
      denyUsers,
    );
    const body = result.body as ResponseBundle;
    expect(body.entry.map((e) => e.response.status)).toEqual(['201 Created', '403 Forbidden']);
    expect((await api('GET', '/fhir/User/az-u2')).status).toBe(404);
  });
});
