// Renders feature routes the way the app does — the app's own query client (src/app/query-client.ts,
// with its one meta-driven invalidation), config, a signed-in user, toasts and a memory router —
// over the shared fake Aidbox. Everything it stubs is undone when the test finishes.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { onTestFinished, vi } from 'vitest';
import { configureAidbox, createAidboxClient, resetAidbox } from '../api/aidbox-client.ts';
import { createQueryClient } from '../app/query-client.ts';
import { AuthProvider } from '../auth/auth-context.tsx';
import type { AuthService, AuthSnapshot, CurrentUser } from '../auth/auth-service.ts';
import { ToastProvider } from '../components/ui/toast.tsx';
import { ConfigProvider } from '../config/config-context.tsx';
import type { ConsoleConfig } from '../config/config.ts';
import { FAKE_BASE, fakeAidbox, type FakeAidbox, type Resource } from './fake-aidbox.ts';

export const TEST_CONFIG: ConsoleConfig = {
  aidboxUrl: FAKE_BASE,
  clientId: 'aidbox-console',
  scopes: 'openid',
};
export const TEST_USER: CurrentUser = { sub: 'admin', name: 'Ada Admin', email: 'ada@example.com' };

/** Only what screens read from the auth service: the signed-in user. */
function signedIn(user: CurrentUser): AuthService {
  const snapshot: AuthSnapshot = { status: 'signed-in', user };
  const partial: Pick<AuthService, 'config' | 'getSnapshot' | 'subscribe' | 'getAccessToken'> = {
    config: TEST_CONFIG,
    getSnapshot: () => snapshot,
    subscribe: () => () => undefined,
    getAccessToken: () => Promise.resolve('token'),
  };
  // A screen that signs in or out is an e2e journey, not a component test: those members stay absent.
  return partial as AuthService;
}

export interface RenderOptions {
  /** Resources the fake Aidbox starts with (a resource without `resourceType` is a Client). */
  seed?: readonly Resource[];
  /** A fake set up beforehand (verdicts, held requests); `seed` is then ignored. */
  server?: FakeAidbox;
  user?: CurrentUser;
}

/**
 * Puts the fake Aidbox behind `fetch` and the Aidbox client until the test finishes, for tests
 * that need no screen (an api module, a mutation on the real query client).
 * @example const server = installFakeAidbox({ seed: [{ id: 'a', secret: 's' }] });
 */
export function installFakeAidbox(options: Pick<RenderOptions, 'seed' | 'server'> = {}): FakeAidbox {
  const server = options.server ?? fakeAidbox(options.seed ?? []);
  // Late-bound so a test can swap `server.fetch` to inject a one-off answer.
  const fetchFn: typeof fetch = (input, init) => server.fetch(input, init);
  vi.stubGlobal('fetch', fetchFn);
  configureAidbox(
    createAidboxClient({
      baseUrl: FAKE_BASE,
      getAccessToken: () => Promise.resolve('token'),
      fetch: fetchFn,
    }),
  );
  onTestFinished(() => {
    resetAidbox();
    vi.unstubAllGlobals();
  });
  return server;
}

/**
 * Renders `routes` (a feature's route table, plus any stand-ins) at `path`.
 * @example const { server, router } = renderRoutes(clientRoutes, '/clients', { seed: [{ id: 'a' }] });
 */
export function renderRoutes(routes: RouteObject[], path: string, options: RenderOptions = {}) {
  const server = installFakeAidbox(options);
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path: '/', children: routes }], { initialEntries: [path] });
  onTestFinished(() => queryClient.clear());
  render(
    <ConfigProvider config={TEST_CONFIG}>
      <AuthProvider auth={signedIn(options.user ?? TEST_USER)}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </QueryClientProvider>
      </AuthProvider>
    </ConfigProvider>,
  );
  return { server, router, queryClient };
}
