import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../model/json.ts';
import {
  applyMergePatch,
  fieldChanges,
  jsonEqual,
  mergePatch,
  pathsOverlap,
  rebaseEdit,
  restorePatch,
  secretDiffers,
  sendable,
  threeWay,
} from './json-diff.ts';

// A value only ever stored under a never-sent member: if it shows up in a patch or a change, the
// never-sent rule leaked.
const MARK = 'NEVER-SENT-VALUE';
const CREDENTIALS = ['secret', '_secret', 'password', 'client_secret', 'Password', 'CLIENT_SECRET'];
const JWK_PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PLAIN = ['a', 'b', 'name', 'x-ext', 'link', 'n', 'e', 'id', 'meta', 'resourceType'];

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('', 'x', 'y'),
);
const secretValue = fc.constantFrom<JsonValue>(MARK, { extension: [{ url: 'vault', valueString: MARK }] }, [
  MARK,
]);
const merge = (...parts: JsonObject[]): JsonObject => Object.assign({}, ...parts) as JsonObject;

/**
 * Resources whose JWK member names appear only in JWKs; `hidden` fills every never-sent member.
 * With MARK there, a leak is a MARK in the output; with any value there, the round-trip must hold.
 */
function resources(hidden: (tie: fc.LetrecTypedTie<Tree>) => fc.Arbitrary<JsonValue>) {
  return fc.letrec<Tree>((tie) => {
    const members = (keys: string[], max: number, values = tie('value')) =>
      fc.dictionary(fc.constantFrom(...keys), values, { maxKeys: max });
    return {
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
      object: fc.oneof(
        fc.tuple(members(PLAIN, 4), members(CREDENTIALS, 2, hidden(tie))).map(([p, c]) => merge(p, c)),
        fc
          .tuple(fc.constantFrom('EC', 'RSA', 'oct'), members(PLAIN, 3), members(JWK_PRIVATE, 3, hidden(tie)))
          .map(([kty, p, k]) => merge(p, k, { kty })),
      ),
    };
  });
}
type Tree = { value: JsonValue; object: JsonObject };
const marked = resources(() => secretValue);
const wellFormed = resources((tie) => tie('value'));

/** Anything: every key name may hold every value. */
const loose = fc.letrec<Tree>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(
    fc.constantFrom(...PLAIN, ...CREDENTIALS, ...JWK_PRIVATE, 'kty'),
    fc.oneof(tie('value'), fc.constantFrom('EC', 'RSA')),
    { maxKeys: 5 },
  ),
}));

const SERVER_MANAGED = ['id', 'meta', 'resourceType'];
const unmanaged = (o: JsonValue): JsonValue =>
  Object.fromEntries(Object.entries(o as JsonObject).filter(([k]) => !SERVER_MANAGED.includes(k)));

describe('the never-sent rule', () => {
  it('holds at any depth, in patches, restores, rebases and shown changes', () => {
    fc.assert(
      fc.property(marked.object, marked.object, marked.object, (a, b, c) => {
        expect(JSON.stringify(mergePatch(a, b))).not.toContain(MARK);
        expect(JSON.stringify(restorePatch(a, b))).not.toContain(MARK);
        expect(JSON.stringify(fieldChanges(a, b))).not.toContain(MARK);
        expect(JSON.stringify(threeWay(a, b, c))).not.toContain(MARK);
        // A rebase sends nothing itself; what its result would send is again free of them.
        expect(JSON.stringify(mergePatch(a, rebaseEdit(a, b, c)))).not.toContain(MARK);
      }),
    );
  });

  it('covers every credential name in any letter case and the private members of a JWK', () => {
    const before: JsonObject = { name: 'a' };
    const after: JsonObject = {
      name: 'b',
      secret: 's',
      _secret: { extension: [] },
      nested: { Password: 'p', client_secret: 'c', keep: 1 },
      jwks: {
        keys: [{ kty: 'RSA', n: 'n', e: 'AQAB', d: 'd', p: 'p', q: 'q', dp: 1, dq: 2, qi: 3, oth: [] }],
      },
      sym: { kty: 'oct', k: 'key', alg: 'HS256' },
      notJwk: { d: 'plain data' },
    };
    expect(mergePatch(before, after)).toEqual({
      name: 'b',
      nested: { keep: 1 },
      jwks: { keys: [{ kty: 'RSA', n: 'n', e: 'AQAB' }] },
      sym: { kty: 'oct', alg: 'HS256' },
      notJwk: { d: 'plain data' },
    });
  });

  it('never deletes what it never sends', () => {
    const loaded: JsonObject = { secret: 'hash', _secret: { x: 1 }, jwk: { kty: 'EC', d: 'priv', x: '1' } };
    expect(mergePatch(loaded, { jwk: { kty: 'EC', x: '2' } })).toEqual({ jwk: { x: '2' } });
  });
});

describe('mergePatch and applyMergePatch', () => {
  it('round-trip: applying diff(a, b) to a gives b, minus never-sent, server-managed and null members', () => {
    fc.assert(
      fc.property(wellFormed.object, wellFormed.object, (a, b) => {
        const result = applyMergePatch(a, mergePatch(a, b));
        expect(sendable(unmanaged(result))).toEqual(sendable(unmanaged(b)));
        // Nothing is left to send, and what the server manages is untouched.
        expect(mergePatch(result as JsonObject, b)).toEqual({});
        for (const k of SERVER_MANAGED) expect((result as JsonObject)[k]).toEqual(a[k]);
      }),
    );
  });

  it('is empty exactly when nothing sendable changed', () => {
    fc.assert(
      fc.property(loose.object, loose.object, (a, b) => {
        expect(mergePatch(a, a)).toEqual({});
        const same = jsonEqual(sendable(unmanaged(a)), sendable(unmanaged(b)));
        if (same) expect(mergePatch(a, b)).toEqual({});
      }),
    );
  });

  it('sends only changed members, null for removed ones, arrays whole', () => {
    const loaded: JsonObject = {
      resourceType: 'Client',
      id: 'c1',
      meta: { versionId: '3' },
      name: 'One',
      grant_types: ['authorization_code'],
      auth: { authorization_code: { pkce: true, access_token_expiration: 600 } },
    };
    const edited: JsonObject = {
      ...loaded,
      meta: { versionId: '9' },
      grant_types: ['authorization_code', 'refresh_token'],
      auth: { authorization_code: { access_token_expiration: 300 } },
      smart: { launch_uri: 'https://l.example.com', name: null },
    };
    delete edited.name;
    expect(mergePatch(loaded, edited)).toEqual({
      name: null,
      grant_types: ['authorization_code', 'refresh_token'],
      auth: { authorization_code: { pkce: null, access_token_expiration: 300 } },
      smart: { launch_uri: 'https://l.example.com' },
    });
  });

  it('follows the RFC 7396 examples', () => {
    expect(applyMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(applyMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch(['a'], { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(applyMergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
    expect(applyMergePatch({ a: 'foo' }, 'bar')).toBe('bar');
  });

  it('treats a "__proto__" member as data', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}}') as JsonObject;
    const result = applyMergePatch({}, mergePatch({}, evil)) as JsonObject;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('restore and rebase', () => {
  const v1: JsonObject = {
    id: 'c',
    meta: { versionId: '1' },
    secret: 'sha256:a',
    auth: { x: 600 },
    details: { owner: 'x' },
  };
  const v2: JsonObject = {
    ...v1,
    meta: { versionId: '2' },
    secret: 'sha256:b',
    auth: { x: 9 },
    name: 'New',
    details: {},
  };

  it('restores the target version except its secret, and says when the secret stays different', () => {
    expect(restorePatch(v1, v2)).toEqual({ auth: { x: 600 }, details: { owner: 'x' }, name: null });
    expect(secretDiffers(v1, v2)).toBe(true);
    expect(secretDiffers(v1, { ...v2, secret: 'sha256:a' })).toBe(false);
    expect(secretDiffers({ _secret: { a: 1 } }, {})).toBe(true);
  });

  it('re-applies my edit on their version: theirs kept, mine wins overlaps, their meta and secret', () => {
    const theirs: JsonObject = {
      ...v1,
      meta: { versionId: '2' },
      secret: 'new',
      name: 'Theirs',
      auth: { x: 300 },
    };
    const mine: JsonObject = { ...v1, name: 'Mine', details: null };
    expect(rebaseEdit(v1, theirs, mine)).toEqual({
      id: 'c',
      meta: { versionId: '2' },
      secret: 'new',
      name: 'Mine',
      auth: { x: 300 },
    });
  });
});

describe('fieldChanges', () => {
  it('lists added, removed and changed fields by path, never server bookkeeping', () => {
    const a: JsonObject = {
      id: 'c',
      meta: { v: 1 },
      secret: 'h1',
      grant_types: ['a'],
      auth: { t: 600 },
      d: { owner: 'x' },
    };
    const b: JsonObject = {
      id: 'c',
      meta: { v: 2 },
      secret: 'h2',
      grant_types: ['a', 'b'],
      auth: { t: 9 },
      d: {},
      name: 'N',
    };
    expect(fieldChanges(a, b)).toEqual([
      { path: 'secret', kind: 'changed', masked: true },
      { path: 'grant_types', kind: 'changed', before: ['a'], after: ['a', 'b'], masked: false },
      { path: 'auth.t', kind: 'changed', before: 600, after: 9, masked: false },
      { path: 'd.owner', kind: 'removed', before: 'x', masked: false },
      { path: 'name', kind: 'added', after: 'N', masked: false },
    ]);
  });

  it('withholds never-sent members nested in a shown value, and masks private JWK members', () => {
    const changes = fieldChanges(
      {},
      { nested: { password: 'p1', keep: 1 }, jwk: [{ kty: 'EC', d: 'priv' }] },
    );
    expect(changes).toEqual([
      { path: 'nested', kind: 'added', after: { password: '(secret withheld)', keep: 1 }, masked: false },
      { path: 'jwk', kind: 'added', after: [{ kty: 'EC', d: '(secret withheld)' }], masked: false },
    ]);
    expect(fieldChanges({ k: { kty: 'oct', k: 'a' } }, { k: { kty: 'oct', k: 'b' } })).toEqual([
      { path: 'k.k', kind: 'changed', masked: true },
    ]);
  });

  it('diffs arrays of objects by index and is empty exactly when nothing differs', () => {
    expect(fieldChanges({ link: [{ r: 'a' }] }, { link: [{ r: 'a' }, { r: 'b' }] })).toEqual([
      { path: 'link[1]', kind: 'added', after: { r: 'b' }, masked: false },
    ]);
    fc.assert(
      fc.property(loose.object, loose.object, (a, b) => {
        expect(fieldChanges(a, a)).toEqual([]);
        if (Object.keys(mergePatch(a, b)).length > 0) expect(fieldChanges(a, b).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('threeWay', () => {
  const base: JsonObject = {
    id: 'c',
    meta: { versionId: '1' },
    name: 'A',
    description: 'd',
    auth: { code: { pkce: true, exp: 600 } },
  };

  it('separates their changes, mine and the overlaps', () => {
    const theirs = {
      ...base,
      meta: { versionId: '2' },
      name: 'Theirs',
      auth: { code: { pkce: true, exp: 300 } },
    };
    const mine = { ...base, name: 'Mine', description: 'mine' };
    const r = threeWay(base, theirs, mine);
    expect(r.theirs.map((c) => c.path)).toEqual(['name', 'auth.code.exp']);
    expect(r.mine.map((c) => c.path)).toEqual(['name', 'description']);
    expect(r.conflicts).toEqual(['name']);
  });

  it('does not call identical changes a conflict, but nested overlaps and one array are', () => {
    expect(threeWay(base, { ...base, name: 'Same' }, { ...base, name: 'Same' }).conflicts).toEqual([]);
    expect(
      threeWay(base, { ...base, auth: null }, { ...base, auth: { code: { pkce: false, exp: 600 } } })
        .conflicts,
    ).toEqual(['auth.code.pkce']);
    const links = { ...base, link: [{ r: 'a' }, { r: 'b' }] };
    // Merge patch sends the array whole, so two different items are one overlap.
    expect(
      threeWay(
        links,
        { ...links, link: [{ r: 'x' }, { r: 'b' }] },
        { ...links, link: [{ r: 'a' }, { r: 'y' }] },
      ).conflicts,
    ).toEqual(['link[1].r']);
  });

  it('finds no conflict when either side changed nothing', () => {
    fc.assert(
      fc.property(loose.object, loose.object, (a, b) => {
        expect(threeWay(a, a, b).conflicts).toEqual([]);
        expect(threeWay(a, b, a).conflicts).toEqual([]);
      }),
    );
  });

  it('pathsOverlap: nested members and one array', () => {
    expect(pathsOverlap('auth', 'auth.code.pkce')).toBe(true);
    expect(pathsOverlap('link[0].r', 'link[3]')).toBe(true);
    expect(pathsOverlap('name', 'names')).toBe(false);
    expect(pathsOverlap('auth.code', 'auth.codes')).toBe(false);
  });
});
