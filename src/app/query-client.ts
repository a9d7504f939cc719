// One QueryClient. Retries live in the Aidbox client (idempotent-only, with backoff), so Query's own
// retry is off; focus refetch is off to avoid request storms from an admin flicking between tabs.
import { MutationCache, QueryClient } from '@tanstack/react-query';
import '../api/query-meta.ts';

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation) => {
        const keys = mutation.meta?.invalidates ?? [];
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    }),
  });
  return queryClient;
}
