import { describe, expect, it } from 'vitest';
import type { PolicyResource } from './matrix.ts';
import { policy } from '../testing/matrix-fixtures.ts';
import { buildTransaction, describeRisk, findRisks, rebase } from './matrix-apply.ts';

const byId = (...ps: PolicyResource[]) => new Map(ps.map((p) => [p.id ?? '', p]));

describe('buildTransaction', () => {
  it('writes every changed policy in one transaction with If-Match per policy', () => {
    const p1 = policy('p1', ['Client/a', 'User/u'], {
      meta: { versionId: '7' },
      matcho: { x: 1 },
      extra: 'kept',
    });
    const p2 = policy('p2', ['Client/b'], { meta: { versionId: '9' } });
    const bundle = buildTransaction(byId(p1, p2), [
      { policyId: 'p1', add: ['c'], remove: ['a'] },
      { policyId: 'p2', add: [], remove: ['b'] },
      { policyId: 'p3', add: ['x'], remove: [] },
    ]);
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry).toHaveLength(2);
    expect(bundle.entry[0]).toEqual({
      resource: {
        resourceType: 'AccessPolicy',
        id: 'p1',
        engine: 'allow',
        matcho: { x: 1 },
        extra: 'kept',
        link: [{ reference: 'User/u' }, { reference: 'Client/c' }],
      },
      request: { method: 'PUT', url: 'AccessPolicy/p1', ifMatch: 'W/"7"' },
    });
    // the last link removed: no `link` at all (and findRisks flags it)
    expect(bundle.entry[1]?.resource).not.toHaveProperty('link');
    expect(bundle.entry[1]?.request.ifMatch).toBe('W/"9"');
  });

  it('falls back to If-Match * only when the server sent no version, and skips empty diffs', () => {
    const p = policy('p', [], { meta: {} });
    const bundle = buildTransaction(byId(p), [
      { policyId: 'p', add: ['a'], remove: [] },
      { policyId: 'p', add: [], remove: [] },
    ]);
    expect(bundle.entry.map((e) => e.request.ifMatch)).toEqual(['*']);
  });
});

describe('rebase after a version conflict', () => {
  it('A links X while B unlinks Y from the same policy: the result has X and not Y', () => {
    const base = policy('p', ['Client/y', 'Client/z'], { meta: { versionId: '1' } });
    const theirs = policy('p', ['Client/z'], { meta: { versionId: '2' } });
    const result = rebase(byId(base), byId(theirs), [{ policyId: 'p', add: ['x'], remove: [] }]);
    expect(result.bundle.entry[0]?.resource.link).toEqual([
      { reference: 'Client/z' },
      { reference: 'Client/x' },
    ]);
    expect(result.bundle.entry[0]?.request.ifMatch).toBe('W/"2"');
    expect(result.report).toEqual([
      {
        policyId: 'p',
        status: 'changed-by-others',
        theirAdded: [],
        theirRemoved: ['y'],
        otherFieldsChanged: false,
        add: ['x'],
        remove: [],
        alreadyDone: [],
      },
    ]);
  });

  it('keeps links others added, reports intents already done, and drops deleted policies', () => {
    const base = byId(policy('p', ['Client/a'], { meta: { versionId: '1' } }), policy('gone', ['Client/a']));
    const fresh = new Map<string, PolicyResource | undefined>([
      [
        'p',
        policy('p', ['Client/a', 'Client/b', 'Operation/FhirRead'], {
          meta: { versionId: '5' },
          engine: 'matcho',
        }),
      ],
      ['gone', undefined],
    ]);
    const result = rebase(base, fresh, [
      { policyId: 'p', add: ['b', 'c'], remove: ['a'] },
      { policyId: 'gone', add: ['x'], remove: [] },
    ]);
    expect(result.diffs).toEqual([{ policyId: 'p', add: ['c'], remove: ['a'] }]);
    expect(result.bundle.entry).toHaveLength(1);
    expect(result.bundle.entry[0]?.resource.link).toEqual([
      { reference: 'Client/b' },
      { reference: 'Operation/FhirRead' },
      { reference: 'Client/c' },
    ]);
    expect(result.report[0]).toMatchObject({
      theirAdded: ['b'],
      alreadyDone: ['b'],
      otherFieldsChanged: true,
    });
    expect(result.report[1]).toMatchObject({ policyId: 'gone', status: 'deleted' });
  });

  it('reports an unchanged policy as unchanged', () => {
    const p = policy('p', ['Client/a']);
    const result = rebase(byId(p), byId(p), [{ policyId: 'p', add: ['b'], remove: [] }]);
    expect(result.report[0]?.status).toBe('unchanged');
  });
});

describe('findRisks (self-lockout and widening)', () => {
  const admin = { consoleClientId: 'aidbox-console', userId: 'admin' };
  const resources = byId(
    policy('console-admin', ['Client/aidbox-console', 'Client/other']),
    policy('user-admin', ['User/admin', 'Client/aidbox-console']),
    policy('global', undefined),
    policy('single', ['Client/a']),
  );

  it('flags unlinking the console Client from a policy that only reaches the admin through it', () => {
    const risks = findRisks(
      resources,
      [{ policyId: 'console-admin', add: [], remove: ['aidbox-console'] }],
      admin,
    );
    expect(risks).toEqual([{ policyId: 'console-admin', kind: 'self-unlink' }]);
    expect(describeRisk(risks[0]!, admin)).toContain('aidbox-console');
  });

  it('does not flag it while the admin User stays linked', () => {
    expect(
      findRisks(resources, [{ policyId: 'user-admin', add: [], remove: ['aidbox-console'] }], admin),
    ).toEqual([]);
  });

  it('flags linking a global policy (it stops applying to the admin) unless it links the console', () => {
    expect(findRisks(resources, [{ policyId: 'global', add: ['x'], remove: [] }], admin)).toEqual([
      { policyId: 'global', kind: 'narrows-global' },
    ]);
    expect(
      findRisks(resources, [{ policyId: 'global', add: ['aidbox-console'], remove: [] }], admin),
    ).toEqual([]);
  });

  it('flags removing the last link (the policy turns global)', () => {
    expect(findRisks(resources, [{ policyId: 'single', add: [], remove: ['a'] }], admin)).toEqual([
      { policyId: 'single', kind: 'becomes-global' },
    ]);
    expect(findRisks(resources, [{ policyId: 'single', add: ['b'], remove: [] }], admin)).toEqual([]);
  });
});
