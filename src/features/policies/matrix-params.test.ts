import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX_VIEW } from '../../domain/matrix-view.ts';
import { paths } from '../../routes/paths.ts';
import { DEFAULT_VIEW, matrixQuery, readMatrixView, writeMatrixView } from './matrix-params.ts';

describe('matrix URL state', () => {
  it("reads an empty query as the domain's default view", () => {
    expect(readMatrixView(new URLSearchParams())).toEqual(DEFAULT_MATRIX_VIEW);
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
    expect(paths.policyMatrix(matrixQuery({}))).toBe('/policies/matrix');
    expect(paths.policyMatrix(matrixQuery({ policyText: 'a b' }))).toBe('/policies/matrix?policy=a+b');
    // Every name the view writes is one the registry lets a matrix link carry.
    expect(paths.policyMatrix(matrixQuery(view))).toBe(
      `/policies/matrix?${writeMatrixView(view).toString()}`,
    );
  });

  it('falls back to defaults for malformed values', () => {
    expect(readMatrixView(new URLSearchParams('kind=nope&rows=x&cols=y&linked=yes'))).toEqual(DEFAULT_VIEW);
  });
});
