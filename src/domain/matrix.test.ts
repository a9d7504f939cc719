import { describe, expect, it } from 'vitest';
import { applyLinkChanges, buildMatrix, classify, isLinked, parseLink, toColumn } from './matrix.ts';
import { client, policy } from '../testing/matrix-fixtures.ts';

describe('parseLink', () => {
  it('reads both the FHIR and the Aidbox reference format', () => {
    expect(parseLink({ reference: 'Client/a' })).toEqual(['Client', 'a']);
    expect(parseLink({ resourceType: 'User', id: 'u' })).toEqual(['User', 'u']);
    expect(parseLink({ reference: 'Client/' })).toBeUndefined();
    expect(parseLink({ reference: 'nonsense' })).toBeUndefined();
    expect(parseLink({})).toBeUndefined();
  });
});

describe('classify', () => {
  it('tells global, client, mixed and user/operation policies apart', () => {
    expect(classify(undefined)).toBe('global');
    expect(classify([])).toBe('global');
    expect(classify([{ reference: 'Client/a' }])).toBe('client');
    expect(classify([{ reference: 'Client/a' }, { reference: 'User/u' }])).toBe('client');
    expect(classify([{ reference: 'Client/a' }, { resourceType: 'Operation', id: 'FhirCreate' }])).toBe(
      'mixed',
    );
    expect(classify([{ reference: 'User/u' }])).toBe('user-or-operation');
    expect(classify([{ reference: 'Operation/FhirRead' }])).toBe('user-or-operation');
  });

  it('lists each linked id once per type', () => {
    const col = toColumn(policy('p', ['Client/a', 'Client/a', 'User/u', 'Operation/FhirRead']));
    expect(col).toMatchObject({
      clientIds: ['a'],
      userIds: ['u'],
      operationIds: ['FhirRead'],
      versionId: '1',
    });
  });
});

describe('buildMatrix', () => {
  const model = buildMatrix(
    [
      policy('p1', ['Client/a', 'Client/b']),
      policy('p2', ['Client/b']),
      policy('g', undefined),
      { resourceType: 'AccessPolicy' },
    ],
    [client('a'), client('b'), client('c')],
  );

  it('knows every cell and skips policies without id', () => {
    expect(model.policies.map((p) => p.id)).toEqual(['p1', 'p2', 'g']);
    expect(isLinked(model, 'p1', 'a')).toBe(true);
    expect(isLinked(model, 'p2', 'a')).toBe(false);
    expect(isLinked(model, 'unknown', 'a')).toBe(false);
  });

  it('counts links per Client', () => {
    expect(model.linkCount.get('b')).toBe(2);
    expect(model.linkCount.get('c')).toBeUndefined();
  });
});

describe('applyLinkChanges', () => {
  it('keeps every other entry in order and appends additions once', () => {
    const links = [{ reference: 'Client/a' }, { reference: 'User/u' }, { resourceType: 'Client', id: 'b' }];
    expect(applyLinkChanges(links, ['c', 'c', 'a'], ['b'])).toEqual([
      { reference: 'Client/a' },
      { reference: 'User/u' },
      { reference: 'Client/c' },
    ]);
  });

  it('removes a Client in either format', () => {
    expect(
      applyLinkChanges([{ resourceType: 'Client', id: 'a' }, { reference: 'Client/a' }], [], ['a']),
    ).toEqual([]);
  });
});
