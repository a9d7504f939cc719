import { describe, expect, it } from 'vitest';
import {
  applyMergePatch,
  changedPaths,
  jsonEqual,
  mergePatch,
  rebaseEdit,
  threeWay,
  type JsonObject,
} from './client-diff.ts';

const loaded: JsonObject = {
  resourceType: 'Client',
  id: 'c1',
  meta: { versionId: '3', lastUpdated: '2026-01-01T00:00:00Z' },
  secret: '$hash$abc',
  _secret: { extension: [{ url: 'x', valueString: 'y' }] },
  name: 'One',
  grant_types: ['authorization_code'],
  auth: {
    authorization_code: {
      pkce: true,
      redirect_uri: 'https://a.example.com/cb',
      access_token_expiration: 600,
    },
  },
  'x-custom': { deep: [1, 2] },
  extension: [{ url: 'http://e', valueString: 'v' }],
};

describe('mergePatch', () => {
  it('is empty when nothing changed', () => {
    expect(mergePatch(loaded, structuredClone(loaded))).toEqual({});
  });

  it('contains only changed leaf paths', () => {
    const edited = structuredClone(loaded);
    edited.name = 'Two';
    (edited.auth as { authorization_code: JsonObject }).authorization_code.access_token_expiration = 300;
    expect(mergePatch(loaded, edited)).toEqual({
      name: 'Two',
      auth: { authorization_code: { access_token_expiration: 300 } },
    });
  });

  it('sends null for removed fields', () => {
    const edited = structuredClone(loaded);
    delete edited.name;
    delete (edited.auth as { authorization_code: JsonObject }).authorization_code.pkce;
    expect(mergePatch(loaded, edited)).toEqual({ name: null, auth: { authorization_code: { pkce: null } } });
  });

  it('replaces arrays whole', () => {
    const edited = { ...structuredClone(loaded), grant_types: ['authorization_code', 'refresh_token'] };
    expect(mergePatch(loaded, edited)).toEqual({ grant_types: ['authorization_code', 'refresh_token'] });
  });

  it('never sends secret, _secret, meta, id or resourceType — even when the edit dropped them', () => {
    const edited: JsonObject = {
      name: 'One',
      grant_types: ['authorization_code'],
      auth: loaded.auth ?? null,
      'x-custom': loaded['x-custom'] ?? null,
      extension: loaded.extension ?? null,
    };
    expect(mergePatch(loaded, edited)).toEqual({});
    expect(
      mergePatch(loaded, { ...structuredClone(loaded), secret: 'changed', meta: { versionId: '9' } }),
    ).toEqual({});
  });

  it('sends secret only when explicitly set', () => {
    expect(mergePatch(loaded, structuredClone(loaded), { newSecret: 'fresh' })).toEqual({ secret: 'fresh' });
  });

  it('adds new objects without null members', () => {
    const edited = { ...structuredClone(loaded), smart: { launch_uri: 'https://l.example.com', name: null } };
    expect(mergePatch(loaded, edited)).toEqual({ smart: { launch_uri: 'https://l.example.com' } });
  });

  it('round-trips through applyMergePatch', () => {
    const edited = structuredClone(loaded);
    edited.description = 'new';
    delete edited.grant_types;
    expect(applyMergePatch(loaded, mergePatch(loaded, edited))).toEqual(edited);
  });
});

describe('applyMergePatch', () => {
  it('follows RFC 7396 examples', () => {
    expect(applyMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(applyMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch(['a'], { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(applyMergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
    expect(applyMergePatch({ a: 'foo' }, 'bar')).toBe('bar');
  });
});

describe('jsonEqual', () => {
  it('compares deeply and ignores key order', () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: 1 }, { c: 1, a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(jsonEqual(null, {})).toBe(false);
  });
});

describe('three-way comparison', () => {
  const base: JsonObject = {
    id: 'c',
    meta: { versionId: '1' },
    name: 'A',
    description: 'd',
    auth: { authorization_code: { pkce: true, access_token_expiration: 600 } },
  };

  it('lists leaf changes and ignores meta', () => {
    expect(changedPaths(base, { ...base, meta: { versionId: '2' }, name: 'B' })).toEqual([
      { path: 'name', before: 'A', after: 'B' },
    ]);
  });

  it('separates their changes, mine and collisions', () => {
    const theirs = {
      ...structuredClone(base),
      meta: { versionId: '2' },
      name: 'Theirs',
      auth: { authorization_code: { pkce: true, access_token_expiration: 300 } },
    };
    const mine = { ...structuredClone(base), name: 'Mine', description: 'mine' };
    const r = threeWay(base, theirs, mine);
    expect(r.theirs.map((c) => c.path)).toEqual(['auth.authorization_code.access_token_expiration', 'name']);
    expect(r.mine.map((c) => c.path)).toEqual(['description', 'name']);
    expect(r.conflicts).toEqual(['name']);
  });

  it('does not call identical changes a collision, but does call nested overlaps one', () => {
    expect(threeWay(base, { ...base, name: 'Same' }, { ...base, name: 'Same' }).conflicts).toEqual([]);
    const theirs = { ...base, auth: null };
    const mine = { ...base, auth: { authorization_code: { pkce: false, access_token_expiration: 600 } } };
    expect(threeWay(base, theirs, mine).conflicts).toEqual(['auth.authorization_code.pkce']);
  });

  it('re-applies my edit on their version: theirs kept, mine wins collisions, fresh meta', () => {
    const theirs = {
      ...structuredClone(base),
      meta: { versionId: '2' },
      secret: 'newhash',
      name: 'Theirs',
      auth: { authorization_code: { pkce: true, access_token_expiration: 300 } },
    };
    const mine = { ...structuredClone(base), name: 'Mine', description: null };
    expect(rebaseEdit(base, theirs, mine)).toEqual({
      id: 'c',
      meta: { versionId: '2' },
      secret: 'newhash',
      name: 'Mine',
      auth: { authorization_code: { pkce: true, access_token_expiration: 300 } },
    });
  });
});
