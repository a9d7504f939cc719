// The matrix view lives in the URL so a filtered picture can be shared and survives a reload.
// This module is the only place that knows the URL names.
import {
  DEFAULT_MATRIX_VIEW,
  type ColumnSort,
  type KindFilter,
  type MatrixView,
  type RowSort,
} from '../../domain/matrix-view.ts';
import type { RouteQuery } from '../../routes/paths.ts';

const ROW_SORTS: readonly RowSort[] = ['id', 'name', 'links'];
const COLUMN_SORTS: readonly ColumnSort[] = ['id', 'engine', 'links'];
const KINDS: readonly KindFilter[] = ['', 'linked', 'global', 'client', 'mixed', 'user-or-operation'];

/** The view a plain matrix URL stands for: the domain's default. */
export const DEFAULT_VIEW: MatrixView = DEFAULT_MATRIX_VIEW;

function oneOf<T extends string>(values: readonly T[], raw: string | null, fallback: T): T {
  return values.find((v) => v === raw) ?? fallback;
}

export function readMatrixView(search: URLSearchParams): MatrixView {
  return {
    clientText: search.get('client') ?? '',
    clientType: search.get('type') ?? '',
    policyText: search.get('policy') ?? '',
    engine: search.get('engine') ?? '',
    kind: oneOf(KINDS, search.get('kind'), ''),
    rowSort: oneOf(ROW_SORTS, search.get('rows'), DEFAULT_VIEW.rowSort),
    columnSort: oneOf(COLUMN_SORTS, search.get('cols'), DEFAULT_VIEW.columnSort),
    onlyLinked: search.get('linked') === '1',
  };
}

/** Only non-default values, so the plain matrix has a plain URL. */
export function writeMatrixView(view: MatrixView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.clientText) out.set('client', view.clientText);
  if (view.clientType) out.set('type', view.clientType);
  if (view.policyText) out.set('policy', view.policyText);
  if (view.engine) out.set('engine', view.engine);
  if (view.kind) out.set('kind', view.kind);
  if (view.rowSort !== DEFAULT_VIEW.rowSort) out.set('rows', view.rowSort);
  if (view.columnSort !== DEFAULT_VIEW.columnSort) out.set('cols', view.columnSort);
  if (view.onlyLinked) out.set('linked', '1');
  return out;
}

/** A matrix link's query for `paths.policyMatrix`: the given view over the defaults. */
export function matrixQuery(view: Partial<MatrixView>): RouteQuery<'policyMatrix'> {
  return Object.fromEntries(writeMatrixView({ ...DEFAULT_VIEW, ...view }));
}
