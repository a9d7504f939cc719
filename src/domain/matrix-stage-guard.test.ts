import { describe, expect, it } from 'vitest';
import { buildMatrix } from './matrix.ts';
import { client, policy } from '../testing/matrix-fixtures.ts';
import { newGuardedLinks } from './matrix-stage-guard.ts';
import { EMPTY_STAGED, setMany, toggle } from './matrix-staging.ts';

const model = buildMatrix(
  [
    policy('plain', ['Client/a']),
    policy('global', undefined),
    policy('ops', ['Operation/FhirCreate']),
    policy('users', ['User/u1']),
  ],
  [client('a'), client('b')],
);

describe('newGuardedLinks', () => {
  it('flags a first Client link on a Global policy and on a User/Operation policy', () => {
    const g = newGuardedLinks(model, EMPTY_STAGED, toggle(EMPTY_STAGED, model, 'global', 'a'));
    expect(g.map((x) => [x.policy.id, x.policy.kind, x.clientIds])).toEqual([['global', 'global', ['a']]]);
    const o = newGuardedLinks(model, EMPTY_STAGED, toggle(EMPTY_STAGED, model, 'ops', 'b'));
    expect(o.map((x) => [x.policy.id, x.policy.kind])).toEqual([['ops', 'user-or-operation']]);
    const u = newGuardedLinks(model, EMPTY_STAGED, toggle(EMPTY_STAGED, model, 'users', 'b'));
    expect(u.map((x) => x.policy.id)).toEqual(['users']);
  });

  it('ignores Client-linked policies, unlinks, and links that were already staged', () => {
    expect(newGuardedLinks(model, EMPTY_STAGED, toggle(EMPTY_STAGED, model, 'plain', 'b'))).toEqual([]);
    const once = toggle(EMPTY_STAGED, model, 'global', 'a');
    const twice = toggle(once, model, 'plain', 'b');
    expect(newGuardedLinks(model, once, twice)).toEqual([]);
    // Unstaging a guarded link is always safe.
    expect(newGuardedLinks(model, once, toggle(once, model, 'global', 'a'))).toEqual([]);
  });

  it('groups a whole row or column by policy', () => {
    const row = setMany(
      EMPTY_STAGED,
      model,
      ['plain', 'global', 'ops'].map((policyId) => ({ policyId, clientId: 'b' })),
      'link',
    );
    expect(newGuardedLinks(model, EMPTY_STAGED, row).map((x) => x.policy.id)).toEqual(['global', 'ops']);
    const col = setMany(
      EMPTY_STAGED,
      model,
      [
        { policyId: 'global', clientId: 'a' },
        { policyId: 'global', clientId: 'b' },
      ],
      'link',
    );
    expect(newGuardedLinks(model, EMPTY_STAGED, col)).toMatchObject([{ clientIds: ['a', 'b'] }]);
  });
});
