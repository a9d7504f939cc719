// Typed link builders for the Policies feature.
import type { MatrixView } from '../../domain/matrix-view.ts';
import { DEFAULT_VIEW, writeMatrixView } from './matrix-params.ts';

export function toPolicies(): string {
  return '/policies';
}

export function toPolicy(id: string): string {
  return `/policies/${encodeURIComponent(id)}`;
}

export function toPolicyMatrix(view: Partial<MatrixView> = {}): string {
  const query = writeMatrixView({ ...DEFAULT_VIEW, ...view }).toString();
  return query ? `/policies/matrix?${query}` : '/policies/matrix';
}

/** The Clients feature owns this screen; the URL is the contract, so no import crosses features. */
export function toClientPage(id: string): string {
  return `/clients/${encodeURIComponent(id)}`;
}
