import { describe, expect, it } from 'vitest';
import type { PolicyResource } from './matrix.ts';
import {
  afterDiffs,
  lossHeadline,
  lossLines,
  lossNotes,
  undecidedHeadline,
  unlinkImpact,
} from './unlink-impact.ts';

const pol = (id: string, links: string[], rule: Partial<PolicyResource>): PolicyResource => ({
  resourceType: 'AccessPolicy',
  id,
  meta: { versionId: '1' },
  ...(links.length > 0 ? { link: links.map((reference) => ({ reference })) } : {}),
  ...rule,
});
const byId = (...ps: PolicyResource[]) => new Map(ps.map((p) => [p.id ?? '', p]));
const readPatients = {
  engine: 'matcho',
  matcho: { 'request-method': 'get', params: { 'resource/type': 'Patient' } },
};

describe('unlinkImpact', () => {
  it('lists what the unlinked policy alone allowed', () => {
    const policies = byId(pol('patients', ['Client/app', 'Client/other'], readPatients));
    const [loss] = unlinkImpact(policies, [{ policyId: 'patients', add: [], remove: ['app'] }]);
    expect(loss?.clientId).toBe('app');
    expect(loss?.unlinked).toEqual([{ id: 'patients', engine: 'matcho', description: '' }]);
    expect(loss?.lost).toEqual([
      { resourceType: 'Patient', interaction: 'read' },
      { resourceType: 'Patient', interaction: 'search' },
    ]);
    expect(lossLines(loss?.lost ?? [])).toEqual(['read, search: Patient']);
    expect(loss?.stillLinked).toEqual([]);
    expect(undecidedHeadline(loss!)).toBeUndefined();
    expect(lossNotes(loss!)).toEqual([
      'No other policy links it: only global policies and Operation links still apply to it.',
    ]);
  });

  it('does not count what another linked or global policy still allows', () => {
    const policies = byId(
      pol('patients', ['Client/app', 'Client/other'], readPatients),
      pol('also-patients', ['Client/app'], readPatients),
      pol('everyone-reads', [], { engine: 'matcho', matcho: { 'request-method': 'get' } }),
    );
    const [loss] = unlinkImpact(policies, [{ policyId: 'patients', add: [], remove: ['app'] }]);
    expect(loss?.lost).toEqual([]);
    expect(loss?.stillLinked).toEqual(['also-patients']);
    expect(lossHeadline(loss!)).toMatch(/loses none/);
  });

  it('says "every resource type" for an allow policy and keeps the transaction apart', () => {
    const policies = byId(pol('all', ['Client/app', 'Client/b'], { engine: 'allow' }));
    const [loss] = unlinkImpact(policies, [{ policyId: 'all', add: [], remove: ['app'] }]);
    expect(lossLines(loss?.lost ?? [])).toEqual([
      'read, search, create, update, delete on every resource type checked',
      'transactions and batches (POST /fhir)',
    ]);
    expect(lossHeadline(loss!)).toBe('It can no longer make 101 of the checked requests:');
  });

  it('leaves to Aidbox what only Aidbox decides, before or after', () => {
    const sql = { engine: 'sql', sql: { query: 'SELECT true' } };
    const lostToSql = unlinkImpact(byId(pol('s', ['Client/app', 'Client/b'], sql)), [
      { policyId: 's', add: [], remove: ['app'] },
    ])[0];
    expect(lostToSql?.lost).toEqual([]);
    expect(lostToSql?.beforeUnknown).toBe(true);
    const keptMaybe = unlinkImpact(
      byId(pol('all', ['Client/app', 'Client/b'], { engine: 'allow' }), pol('s', ['Client/app'], sql)),
      [{ policyId: 'all', add: [], remove: ['app'] }],
    )[0];
    expect(keptMaybe?.lost).toEqual([]);
    expect(keptMaybe?.undecided).toHaveLength(101);
    expect(keptMaybe?.undecidedBy).toEqual(['s']);
    expect(lossHeadline(keptMaybe!)).toBe('It loses none of the checked requests for certain.');
    expect(undecidedHeadline(keptMaybe!)).toMatch(
      /may also lose 101 requests .* only Aidbox can say \(s\):$/,
    );
    expect(lossLines(keptMaybe?.undecided ?? [])[0]).toMatch(/on every resource type checked$/);
  });

  it('lists what a global policy only Aidbox decides might still allow', () => {
    const sqlGlobal = pol('g', [], { engine: 'sql', sql: { query: 'SELECT false' } });
    const policies = byId(pol('patients', ['Client/app', 'Client/b'], readPatients), sqlGlobal);
    const [loss] = unlinkImpact(policies, [{ policyId: 'patients', add: [], remove: ['app'] }]);
    expect(loss?.lost).toEqual([]);
    expect(lossLines(loss?.undecided ?? [])).toEqual(['read, search: Patient']);
    expect(loss?.undecidedBy).toEqual(['g']);
    expect(loss?.beforeUnknown).toBe(true);
  });

  it('evaluates client-dependent rules with the Client given, one entry per Client', () => {
    const mine = { engine: 'matcho', matcho: { client: { type: 'backend' } } };
    const policies = byId(pol('typed', ['Client/a', 'Client/b', 'Client/c'], mine));
    const diffs = [{ policyId: 'typed', add: [], remove: ['a', 'b'] }];
    const losses = unlinkImpact(policies, diffs, new Map([['a', { type: 'backend' }]]));
    expect(losses.map((l) => [l.clientId, l.lost.length])).toEqual([
      ['a', 101],
      ['b', 0],
    ]);
    expect(unlinkImpact(policies, diffs, new Map(), 1)).toHaveLength(1);
  });

  it('applies the diffs without touching the others (and keeps meta for display)', () => {
    const policies = byId(pol('p', ['Client/a', 'Client/b'], { engine: 'allow' }), pol('q', [], {}));
    const after = afterDiffs(policies, [{ policyId: 'p', add: [], remove: ['a'] }]);
    expect(after[0]?.link).toEqual([{ reference: 'Client/b' }]);
    expect(after[1]).toBe(policies.get('q'));
  });
});
