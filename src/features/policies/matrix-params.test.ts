import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX_VIEW } from '../../domain/matrix-view.ts';
import { toPolicyMatrix } from './links.ts';
import { DEFAULT_VIEW, readMatrixView, writeMatrixView } from './matrix-params.ts';

describe('matrix URL state', () => {
  it('keeps the same defaults as the domain', () => {
    expect(DEFAULT_VIEW).toEqual(DEFAULT_MATRIX_VIEW);
  });

  it('round-trips every field and writes a plain URL for the default view', () => {
    const view = {
      clientText: 'lab',
      clientType: 'smart-app',
      policyText: 'read',
      engine: 'matcho',
      kind: 'mixed' as const,
      rowSort: 'links' as const,
      columnSort: 'engine' as const,
      onlyLinked: true,
    };
    expect(readMatrixView(writeMatrixView(view))).toEqual(view);
    expect(writeMatrixView(DEFAULT_VIEW).toString()).toBe('');
    expect(toPolicyMatrix()).toBe('/policies/matrix');
    expect(toPolicyMatrix({ policyText: 'a b' })).toBe('/policies/matrix?policy=a+b');
  });

  it('falls back to defaults for malformed values', () => {
    expect(readMatrixView(new URLSearchParams('kind=nope&rows=x&cols=y&linked=yes'))).toEqual(DEFAULT_VIEW);
  });
});
