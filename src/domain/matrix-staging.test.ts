import { describe, expect, it } from 'vitest';
import { buildMatrix } from './matrix.ts';
import { client, policy } from '../testing/matrix-fixtures.ts';
import {
  EMPTY_STAGED,
  diffByPolicy,
  effectiveLinked,
  fromDiffs,
  prune,
  setMany,
  toggle,
  undo,
  undoPolicy,
} from './matrix-staging.ts';

const model = buildMatrix(
  [policy('p1', ['Client/a']), policy('p2', ['Client/b'])],
  [client('a'), client('b'), client('c')],
);

describe('staging', () => {
  it('stages the opposite of the server state and toggling again undoes it', () => {
    let s = toggle(EMPTY_STAGED, model, 'p1', 'a');
    expect([...s.values()]).toEqual([{ policyId: 'p1', clientId: 'a', action: 'unlink' }]);
    expect(effectiveLinked(model, s, 'p1', 'a')).toEqual({ linked: false, pending: true });
    s = toggle(s, model, 'p1', 'b');
    expect(effectiveLinked(model, s, 'p1', 'b')).toEqual({ linked: true, pending: true });
    s = toggle(s, model, 'p1', 'a');
    expect(s.size).toBe(1);
    expect(effectiveLinked(model, s, 'p1', 'a')).toEqual({ linked: true, pending: false });
  });

  it('never mutates the previous state', () => {
    const s1 = toggle(EMPTY_STAGED, model, 'p1', 'a');
    toggle(s1, model, 'p2', 'a');
    expect(s1.size).toBe(1);
    expect(EMPTY_STAGED.size).toBe(0);
  });

  it('undoes one change, one policy, and sets many at once', () => {
    let s = setMany(
      EMPTY_STAGED,
      model,
      ['a', 'b', 'c'].map((clientId) => ({ policyId: 'p1', clientId })),
      'link',
    );
    // `a` is already linked: nothing staged for it
    expect([...s.values()].map((c) => c.clientId)).toEqual(['b', 'c']);
    s = setMany(
      s,
      model,
      [
        { policyId: 'p2', clientId: 'b' },
        { policyId: 'p2', clientId: 'c' },
      ],
      'unlink',
    );
    expect([...s.values()].map((c) => `${c.policyId}:${c.clientId}:${c.action}`)).toEqual([
      'p1:b:link',
      'p1:c:link',
      'p2:b:unlink',
    ]);
    expect(undo(s, 'p1', 'b').size).toBe(2);
    expect(undoPolicy(s, 'p1').size).toBe(1);
    // setting a staged cell back to its server state unstages it
    expect(setMany(s, model, [{ policyId: 'p1', clientId: 'b' }], 'unlink').has('p1\u0000b')).toBe(false);
  });

  it('groups changes per policy (+client / −client) and round-trips through diffs', () => {
    let s = toggle(EMPTY_STAGED, model, 'p1', 'a');
    s = toggle(s, model, 'p2', 'a');
    s = toggle(s, model, 'p1', 'c');
    const diffs = diffByPolicy(s);
    expect(diffs).toEqual([
      { policyId: 'p1', add: ['c'], remove: ['a'] },
      { policyId: 'p2', add: ['a'], remove: [] },
    ]);
    expect(diffByPolicy(fromDiffs(diffs))).toEqual(diffs);
  });

  it('prunes changes the server already made and those of deleted policies', () => {
    let s = toggle(EMPTY_STAGED, model, 'p1', 'b');
    s = toggle(s, model, 'p2', 'a');
    const fresher = buildMatrix([policy('p1', ['Client/a', 'Client/b'])], [client('a'), client('b')]);
    expect(prune(s, fresher).size).toBe(0);
    expect(prune(s, model)).toBe(s);
  });
});
