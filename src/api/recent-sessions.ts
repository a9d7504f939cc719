// Sessions started in the last N days, as the review's idle rule reads them. The key is the one
// the security review uses (features/audit/review-data.ts), so the Clients list and the review
// share one fetch and one cache entry.
import { queryOptions } from '@tanstack/react-query';
import { fetchSessionsSince } from './audit.ts';

const DAY_MS = 86_400_000;

export function recentSessionsQuery(idleDays: number) {
  return queryOptions({
    queryKey: ['Session', 'audit', 'since-days', idleDays] as const,
    queryFn: ({ signal }) => fetchSessionsSince(new Date(Date.now() - idleDays * DAY_MS), signal),
    staleTime: 60_000,
  });
}
