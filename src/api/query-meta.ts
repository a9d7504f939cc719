// Types the `meta` of every mutation: it names the query keys to invalidate on success, and the
// one global MutationCache callback (src/app/query-client.ts) does the invalidating.
import type { QueryKey } from '@tanstack/react-query';

export interface InvalidatesMeta extends Record<string, unknown> {
  invalidates?: readonly QueryKey[];
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: InvalidatesMeta;
  }
}
