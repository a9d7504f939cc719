// The data every audit screen starts from, fetched in large pages and cached by TanStack Query
// under the resource type, so any Client or policy write elsewhere in the console refreshes it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllClients, fetchFirstClients, fetchSessionsSince } from '../../api/audit.ts';
import { policyQueries } from '../../api/policies.ts';
import type { AccessPolicy } from '../../model/access-policy.ts';
import type { PolicyResource } from '../../domain/matrix.ts';

export const auditQueries = {
  clients: () =>
    queryOptions({
      queryKey: ['Client', 'audit', 'all'] as const,
      queryFn: ({ signal }) => fetchAllClients(signal),
    }),
  /** The first `n` Clients by id (n ≤ 1,000: one page), for sampled reviews of large installations. */
  firstClients: (n: number) =>
    queryOptions({
      queryKey: ['Client', 'audit', 'first', n] as const,
      queryFn: ({ signal }) => fetchFirstClients(n, signal),
    }),
  /** The matrix's own query: one fetch of every policy serves both screens. */
  policies: () => policyQueries.list(),
  sessions: (idleDays: number) =>
    queryOptions({
      queryKey: ['Session', 'audit', 'since-days', idleDays] as const,
      queryFn: ({ signal }) => fetchSessionsSince(new Date(Date.now() - idleDays * 86_400_000), signal),
      staleTime: 60_000,
    }),
};

export function asPolicies(list: readonly AccessPolicy[]): PolicyResource[] {
  return list as PolicyResource[];
}

export function useReviewBase() {
  const clients = useQuery(auditQueries.clients());
  const policies = useQuery(auditQueries.policies());
  return { clients, policies };
}
