import { describe, expect, it } from 'vitest';
import {
  crossCheckSample,
  localOutcome,
  neededFromAidbox,
  requestObjectFor,
  serverKey,
} from './effective-access-local.ts';
import { planEvaluations, type Evaluation } from './effective-access.ts';
import type { EvalOutcome } from './effective-access-cells.ts';
import type { RequestObject } from './policy-eval/types.ts';
import type { PolicyResource } from './matrix.ts';

const P = (id: string, body: Partial<PolicyResource>): PolicyResource => ({
  resourceType: 'AccessPolicy',
  id,
  meta: { versionId: '1' },
  ...body,
});
const byClient = P('by-client', { engine: 'matcho', matcho: { client: { details: { team: 'red' } } } });
const sqlType = P('sql-type', {
  engine: 'sql',
  sql: { query: 'SELECT {{params.resource/type}} = $$Patient$$' },
});
const clients = new Map<string, Record<string, unknown>>([
  ['red', { resourceType: 'Client', id: 'red', secret: 'sha256:stored-hash', details: { team: 'red' } }],
  ['blue', { resourceType: 'Client', id: 'blue', details: { team: 'blue' } }],
]);
const refs = [{ id: 'red' }, { id: 'blue' }];

describe('local effective access', () => {
  it('decides from the policy text, per Client where the rule reads the Client', () => {
    const plan = planEvaluations(refs, [byClient, sqlType], ['Patient'], ['read']);
    const out = new Map(plan.map((e) => [`${e.policy.id}|${e.clientId ?? '*'}`, localOutcome(e, clients)]));
    expect(out.get('by-client|red')).toBe(true);
    expect(out.get('by-client|blue')).toBe(false);
    expect(out.get('sql-type|*')).toEqual({ needsAidbox: expect.stringContaining('sql') as unknown });
  });

  it('shares request objects between evaluations when given a memo, with the same outcomes', () => {
    const getOnly: PolicyResource = {
      resourceType: 'AccessPolicy',
      id: 'get-only',
      engine: 'matcho',
      matcho: { 'request-method': 'get' },
    };
    const plan = planEvaluations(
      refs,
      [byClient, sqlType, getOnly],
      ['Patient', 'Claim'],
      ['read', 'delete'],
    );
    const requests = new Map<string, RequestObject>();
    expect(plan.map((e) => localOutcome(e, clients, requests))).toEqual(
      plan.map((e) => localOutcome(e, clients)),
    );
    // by-client per Client (2), sql-type and get-only once, per type and interaction (2 × 2)…
    expect(plan).toHaveLength(16);
    // …over 12 distinct requests: sql-type and get-only share theirs.
    expect([...requests.keys()].sort()).toEqual([
      'Claim|delete|',
      'Claim|delete|blue',
      'Claim|delete|red',
      'Claim|read|',
      'Claim|read|blue',
      'Claim|read|red',
      'Patient|delete|',
      'Patient|delete|blue',
      'Patient|delete|red',
      'Patient|read|',
      'Patient|read|blue',
      'Patient|read|red',
    ]);
    expect(requests.get('Patient|read|red')?.client).toMatchObject({ id: 'red' });
  });

  it('builds the probe request Aidbox would see, without the secret', () => {
    const req = requestObjectFor('Patient', 'delete', clients.get('red'));
    expect(req).toMatchObject({
      'request-method': 'delete',
      uri: '/fhir/Patient/audit-probe',
      params: { 'resource/type': 'Patient', 'resource/id': 'audit-probe' },
      operation: { id: 'FhirDelete' },
      client: { id: 'red' },
    });
    expect(req.client).not.toHaveProperty('secret');
  });

  it('asks Aidbox only for cells no local true already allows', () => {
    const results = new Map<string, EvalOutcome>([
      ['a', true],
      ['b', { needsAidbox: 'sql' }],
      ['c', false],
      ['d', { needsAidbox: 'sql' }],
    ]);
    expect([...neededFromAidbox([{ keys: ['a', 'b'] }, { keys: ['c', 'd'] }], results)]).toEqual(['d']);
  });

  it('groups sql evaluations by the values of their placeholders', () => {
    const plan = planEvaluations(refs, [sqlType], ['Patient', 'Claim'], ['read', 'search', 'delete']);
    const keys = new Set(plan.map((e) => serverKey(e, requestObjectFor(e.resourceType, e.interaction))));
    expect(plan).toHaveLength(6);
    expect(keys.size).toBe(2); // one per resource type, whatever the interaction
  });

  it('cross-checks every policy at least once, then a spread, at most max', () => {
    const many = Array.from({ length: 5 }, (_, i) => P(`m${i}`, { engine: 'allow' }));
    const plan: Evaluation[] = planEvaluations(
      refs,
      many,
      ['Patient', 'Claim', 'Coverage'],
      ['read', 'search'],
    );
    const results = new Map<string, EvalOutcome>(plan.map((e) => [e.key, true]));
    const sample = crossCheckSample(plan, results, 8);
    expect(sample).toHaveLength(8);
    expect(new Set(sample.map((e) => e.policy.id)).size).toBe(5);
    expect(crossCheckSample(plan, new Map(), 8)).toEqual([]); // nothing decided, nothing to check
  });
});

describe('server call grouping for complex rules', () => {
  it('shares a call when the sql part sees the same values and the other parts decide the same', () => {
    const complex = P('cx', {
      engine: 'complex',
      and: [
        { engine: 'matcho', matcho: { 'request-method': 'get' } },
        { engine: 'sql', sql: { query: 'SELECT {{params.resource/type}} IS NOT NULL' } },
      ],
    });
    const plan = planEvaluations(refs, [complex], ['Patient', 'Claim'], ['read', 'search', 'delete']);
    const keys = plan.map((e) => serverKey(e, requestObjectFor(e.resourceType, e.interaction)));
    // read and search are both GET: one call per type; delete differs in the matcho part.
    expect(new Set(keys).size).toBe(4);
    const rpc = P('rpc', {
      engine: 'complex',
      or: [{ engine: 'matcho-rpc' }, { engine: 'sql', sql: { query: 'x' } }],
    });
    const [e] = planEvaluations(refs, [rpc], ['Patient'], ['read']);
    expect(e && serverKey(e, requestObjectFor('Patient', 'read'))).toBe(e?.key);
  });
});
