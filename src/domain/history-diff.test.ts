import { describe, expect, it } from 'vitest';
import { diffVersions, restorePatch, secretDiffers } from './history-diff.ts';

const v1 = {
  resourceType: 'Client',
  id: 'c',
  meta: { versionId: '1', lastUpdated: '2026-01-01T00:00:00Z' },
  secret: 'sha256:aaaa1111',
  grant_types: ['client_credentials'],
  auth: { client_credentials: { access_token_expiration: 600 } },
  details: { owner: 'x' },
};
const v2 = {
  ...v1,
  meta: { versionId: '2', lastUpdated: '2026-02-01T00:00:00Z' },
  secret: 'sha256:bbbb2222',
  grant_types: ['client_credentials', 'basic'],
  auth: { client_credentials: { access_token_expiration: 2_592_000 } },
  name: 'New name',
  details: {},
};

describe('diffVersions', () => {
  it('lists added, removed and changed fields by path, never meta', () => {
    expect(diffVersions(v1, v2)).toEqual([
      { path: 'secret', kind: 'changed', masked: true },
      {
        path: 'grant_types',
        kind: 'changed',
        before: '["client_credentials"]',
        after: '["client_credentials","basic"]',
        masked: false,
      },
      {
        path: 'auth.client_credentials.access_token_expiration',
        kind: 'changed',
        before: '600',
        after: '2592000',
        masked: false,
      },
      { path: 'details.owner', kind: 'removed', before: '"x"', masked: false },
      { path: 'name', kind: 'added', after: '"New name"', masked: false },
    ]);
  });

  it('never renders a secret value, even nested or inside an added object', () => {
    const text = JSON.stringify(
      diffVersions({ a: 1 }, { a: 1, secret: 'sha256:zzz', nested: { password: 'p1', keep: 1 } }),
    );
    expect(text).not.toContain('sha256:zzz');
    expect(text).not.toContain('p1');
    expect(text).toContain('secret withheld');
  });

  it('reports no change for identical versions and diffs arrays of objects by index', () => {
    expect(diffVersions(v1, { ...v1, meta: { versionId: '9' } })).toEqual([]);
    expect(
      diffVersions(
        { link: [{ reference: 'Client/a' }] },
        { link: [{ reference: 'Client/a' }, { reference: 'Operation/X' }] },
      ),
    ).toEqual([{ path: 'link[1]', kind: 'added', after: '{"reference":"Operation/X"}', masked: false }]);
  });
});

describe('restorePatch', () => {
  it('turns the current version back into the target, with nulls for added fields', () => {
    expect(restorePatch(v1, v2)).toEqual({
      grant_types: ['client_credentials'],
      auth: { client_credentials: { access_token_expiration: 600 } },
      details: { owner: 'x' },
      name: null,
    });
  });

  it('never sends a secret back, and says when the secret stays different', () => {
    expect(restorePatch(v1, v2)).not.toHaveProperty('secret');
    expect(JSON.stringify(restorePatch({ x: { secret: 'h', a: [{ password: 'p' }] } }, {}))).toBe(
      '{"x":{"a":[{}]}}',
    );
    expect(secretDiffers(v1, v2)).toBe(true);
    expect(secretDiffers(v1, { ...v2, secret: v1.secret })).toBe(false);
  });

  it('is empty when nothing differs', () => {
    expect(restorePatch(v1, { ...v1, meta: { versionId: '5' } })).toEqual({});
  });
});
