// Typed link builders for the Clients feature (re-exported by routes.tsx). Kept apart from the
// route table so screens can import them without a cycle.
import type { ClientKindId } from '../../domain/client-kinds.ts';
import { DEFAULT_VIEW, writeView, type ListView } from './list-params.ts';

/** `/clients` with the given list view (search, filters, sort, page) in the query string. */
export function toClients(params: Partial<ListView> = {}): string {
  const query = writeView({ ...DEFAULT_VIEW, ...params }).toString();
  return query ? `/clients?${query}` : '/clients';
}

export function toClient(id: string): string {
  return `/clients/${encodeURIComponent(id)}`;
}

export function toNewClient(kind?: ClientKindId): string {
  return kind ? `/clients/new?kind=${kind}` : '/clients/new';
}

/** Built by the secret-rotation feature; linked from here. */
export function toRotateSecret(id: string): string {
  return `/clients/${encodeURIComponent(id)}/rotate-secret`;
}
