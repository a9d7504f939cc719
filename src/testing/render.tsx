// Renders the real Clients route table with a fresh QueryClient and a fake Aidbox behind fetch.
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { configureAidbox, createAidboxClient } from '../../api/aidbox-client.ts';
import '../../api/query-meta.ts';
import { ToastProvider } from '../../components/ui/toast.tsx';
import type { JsonObject } from '../../domain/client-diff.ts';
import { clientRoutes } from './routes.tsx';
import { fakeAidbox } from './test-server.ts';

export function renderClients(path: string, seed: JsonObject[] = []) {
  const server = fakeAidbox(seed);
  // Late-bound so a test can swap `server.fetch` to inject a one-off answer.
  const fetchFn: typeof fetch = (input, init) => server.fetch(input, init);
  vi.stubGlobal('fetch', fetchFn);
  configureAidbox(
    createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: () => Promise.resolve('token'),
      fetch: fetchFn,
    }),
  );
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    // The same invalidation-by-meta the app's query client does.
    mutationCache: new MutationCache({
      onSuccess: async (_d, _v, _c, mutation) => {
        await Promise.all(
          (mutation.meta?.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        );
      },
    }),
  });
  const router = createMemoryRouter(
    [
      {
        path: '/',
        children: [...clientRoutes, { path: 'clients/:id/rotate-secret', element: <p>rotate</p> }],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { server, router, queryClient };
}
