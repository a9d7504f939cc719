import { describe, expect, it } from 'vitest';
import type { PolicyResource } from './matrix.ts';
import { cellFor, cellLabel, type EvalOutcome } from './effective-access-cells.ts';
import {
  candidatePolicies,
  dependsOnClient,
  keyForCell,
  planEvaluations,
  requestFor,
} from './effective-access.ts';

const P = (id: string, body: Partial<PolicyResource> = {}): PolicyResource => ({
  resourceType: 'AccessPolicy',
  id,
  meta: { versionId: '1' },
  engine: 'matcho',
  matcho: { params: { 'resource/type': 'Patient' } },
  ...body,
});
const global = P('global', { link: [] });
const linkedA = P('linked-a', { link: [{ reference: 'Client/a' }] });
const opCreate = P('op-create', { link: [{ reference: 'Operation/FhirCreate' }] });
const userOnly = P('user-only', { link: [{ reference: 'User/u' }] });
const role = P('role', { roleName: 'nurse' });
const rpc = P('rpc', { type: 'rpc' });
const sqlClient = P('sql-client', {
  engine: 'sql',
  sql: { query: 'SELECT {{client.id}} = $$a$$' },
  link: [{ reference: 'Client/a' }, { reference: 'Client/b' }],
});
const all = [global, linkedA, opCreate, userOnly, role, rpc, sqlClient];

describe('candidatePolicies', () => {
  it('global + linked to the Client + linked to the Operation; never User-only, role or rpc', () => {
    expect(candidatePolicies(all, 'a', 'read').map((p) => p.id)).toEqual([
      'global',
      'linked-a',
      'sql-client',
    ]);
    expect(candidatePolicies(all, 'b', 'create').map((p) => p.id)).toEqual([
      'global',
      'op-create',
      'sql-client',
    ]);
    expect(candidatePolicies(all, 'z', 'delete').map((p) => p.id)).toEqual(['global']);
  });
});

describe('dependsOnClient', () => {
  it('sees client in SQL, matcho keys and nested rules; ignores links and descriptions', () => {
    expect(dependsOnClient(sqlClient)).toBe(true);
    expect(dependsOnClient(P('m', { matcho: { client: { id: 'a' } } }))).toBe(true);
    expect(
      dependsOnClient(P('c', { engine: 'complex', and: [{ engine: 'matcho', matcho: { client: {} } }] })),
    ).toBe(true);
    expect(
      dependsOnClient(P('d', { description: 'for client x', link: [{ reference: 'Client/client' }] })),
    ).toBe(false);
  });
});

describe('requestFor', () => {
  it('describes each interaction as Aidbox routes it', () => {
    expect(requestFor('Patient', 'read')).toEqual({
      uri: '/fhir/Patient/audit-probe',
      'request-method': 'get',
    });
    expect(requestFor('Patient', 'search')).toEqual({ uri: '/fhir/Patient', 'request-method': 'get' });
    expect(requestFor('Patient', 'create')['request-method']).toBe('post');
    expect(requestFor('Patient', 'update')['request-method']).toBe('put');
    expect(requestFor('Patient', 'delete')['request-method']).toBe('delete');
    expect(requestFor('Patient', 'transaction').uri).toBe('/fhir');
  });
});

describe('planEvaluations', () => {
  const clients = [
    { id: 'a', versionId: '3' },
    { id: 'b', versionId: '1' },
  ];
  it('evaluates client-independent policies once and client-dependent ones per Client', () => {
    const plan = planEvaluations(clients, all, ['Patient', 'Observation'], ['read', 'create', 'transaction']);
    const count = (id: string) => plan.filter((e) => e.policy.id === id).length;
    expect(count('global')).toBe(2 + 2 + 1); // read×2 types, create×2, one transaction
    expect(count('linked-a')).toBe(5);
    expect(count('op-create')).toBe(2);
    expect(count('sql-client')).toBe(2 * 5);
    expect(plan.filter((e) => e.policy.id === 'sql-client').every((e) => e.clientId)).toBe(true);
    expect(plan.filter((e) => e.policy.id === 'global').every((e) => e.clientId === undefined)).toBe(true);
    expect(new Set(plan.map((e) => e.key)).size).toBe(plan.length);
  });

  it('keys change with the policy or the Client version (cache invalidation)', () => {
    const before = keyForCell(sqlClient, { id: 'a', versionId: '3' }, 'Patient', 'read');
    expect(keyForCell(sqlClient, { id: 'a', versionId: '4' }, 'Patient', 'read')).not.toBe(before);
    expect(
      keyForCell({ ...sqlClient, meta: { versionId: '2' } }, { id: 'a', versionId: '3' }, 'Patient', 'read'),
    ).not.toBe(before);
    // A client-independent policy's key ignores the Client, so the result is shared.
    expect(keyForCell(global, { id: 'a' }, 'Patient', 'read')).toBe(
      keyForCell(global, { id: 'b' }, 'Patient', 'read'),
    );
  });
});

describe('cellFor', () => {
  const a = { id: 'a', versionId: '3' };
  const k = (p: PolicyResource) => keyForCell(p, a, 'Patient', 'read');
  it('OR semantics, default deny, pending and error', () => {
    const res = new Map<string, EvalOutcome>([
      [k(global), false],
      [k(linkedA), true],
    ]);
    expect(cellFor(res, all, a, 'Patient', 'read')).toEqual({ status: 'allowed', by: ['linked-a'] });
    res.set(k(linkedA), false);
    expect(cellFor(res, all, a, 'Patient', 'read')).toEqual({ status: 'pending' });
    res.set(k(sqlClient), 'HTTP 500');
    expect(cellFor(res, all, a, 'Patient', 'read')).toEqual({
      status: 'error',
      message: 'sql-client: HTTP 500',
    });
    res.set(k(sqlClient), false);
    expect(cellFor(res, all, a, 'Patient', 'read')).toEqual({ status: 'denied' });
    expect(cellFor(new Map(), [userOnly], a, 'Patient', 'read')).toEqual({ status: 'denied' });
    expect(cellLabel({ status: 'pending' })).toBe('not evaluated');
  });
});
