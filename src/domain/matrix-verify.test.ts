import { changedSince, findOverwrites } from './matrix-verify.ts';
import type { LinkRef, PolicyResource } from './matrix.ts';

const policy = (version: string, clients: string[], extra: Partial<PolicyResource> = {}): PolicyResource => ({
  resourceType: 'AccessPolicy',
  id: 'p',
  engine: 'allow',
  meta: { versionId: version },
  link: clients.map((c): LinkRef => ({ reference: `Client/${c}` })),
  ...extra,
});

describe('findOverwrites', () => {
  const base = new Map([['p', policy('10', ['a', 'b'])]]);

  it('no overwrite when the version before ours is the one we started from', () => {
    const history = new Map([['p', [policy('12', ['a', 'b', 'mine']), policy('10', ['a', 'b'])]]]);
    expect(findOverwrites(base, new Map([['p', '12']]), history)).toEqual([]);
  });

  it('reports the change our write replaced and what restores it', () => {
    // Someone linked c and unlinked b (version 11); we, based on 10, added "mine" and wrote 12.
    const history = new Map([
      ['p', [policy('12', ['a', 'b', 'mine']), policy('11', ['a', 'c']), policy('10', ['a', 'b'])]],
    ]);
    expect(findOverwrites(base, new Map([['p', '12']]), history)).toEqual([
      {
        policyId: 'p',
        baseVersion: '10',
        lostVersion: '11',
        lostCount: 1,
        theirAdded: ['c'],
        theirRemoved: ['b'],
        otherFieldsChanged: false,
        restore: { policyId: 'p', add: ['c'], remove: ['b'] },
      },
    ]);
  });

  it('finds our version even after a later write, counts several lost versions, and sees rule changes', () => {
    const history = new Map([
      [
        'p',
        [
          policy('14', ['a', 'b', 'mine', 'later']),
          policy('13', ['a', 'b', 'mine']),
          policy('12', ['a', 'b'], { engine: 'matcho', matcho: {} }),
          policy('11', ['a', 'b']),
          policy('10', ['a', 'b']),
        ],
      ],
    ]);
    const [o] = findOverwrites(base, new Map([['p', '13']]), history);
    expect(o).toMatchObject({ lostVersion: '12', lostCount: 2, otherFieldsChanged: true, theirAdded: [] });
    expect(o?.restore).toEqual({ policyId: 'p', add: [], remove: [] });
  });

  it('reads links in either format (Aidbox {resourceType, id} or FHIR reference) as the same', () => {
    const aidboxForm = policy('11', [], {
      link: [
        { resourceType: 'Client', id: 'a' },
        { resourceType: 'Client', id: 'b' },
      ],
    });
    const history = new Map([
      ['p', [policy('12', ['a', 'b', 'mine']), aidboxForm, policy('10', ['a', 'b'])]],
    ]);
    expect(findOverwrites(base, new Map([['p', '12']]), history)[0]).toMatchObject({
      theirAdded: [],
      theirRemoved: [],
      otherFieldsChanged: false,
    });
  });

  it('without a written version from the answer, the newest version is taken as ours', () => {
    const history = new Map([
      ['p', [policy('12', ['a']), policy('11', ['a', 'z']), policy('10', ['a', 'b'])]],
    ]);
    expect(findOverwrites(base, new Map([['p', undefined]]), history)[0]?.lostVersion).toBe('11');
  });
});

describe('changedSince', () => {
  it('lists policies whose version moved or that were deleted', () => {
    const base = new Map([
      ['p', policy('10', [])],
      ['q', { ...policy('3', []), id: 'q' }],
      ['r', { ...policy('5', []), id: 'r' }],
    ]);
    const now = new Map([
      ['p', policy('10', [])],
      ['q', { ...policy('4', []), id: 'q' }],
    ]);
    expect(changedSince(base, now, ['p', 'q', 'r'])).toEqual(['q', 'r']);
  });
});
