// Start-up: config → Aidbox discovery → auth → API client. Each failure becomes a StartupProblem
// page instead of a blank screen.
import type { QueryClient } from '@tanstack/react-query';
import { configureAidbox, createAidboxClient } from '../api/aidbox-client.ts';
import { createAuthService, type AuthService } from '../auth/auth-service.ts';
import { createOidcClient } from '../auth/oidc-client.ts';
import { loadConfig, type ConsoleConfig, type StartupProblem } from '../config/config.ts';
import { discover } from '../config/discovery.ts';
import { createQueryClient } from './query-client.ts';

export type Started =
  | { ok: true; config: ConsoleConfig; auth: AuthService; queryClient: QueryClient }
  | { ok: false; problem: StartupProblem };

export async function startConsole(): Promise<Started> {
  const loaded = await loadConfig();
  if (!loaded.ok) return loaded;
  const { config } = loaded;
  const found = await discover(config);
  if (!found.ok) return found;

  const auth = createAuthService(config, found.metadata, createOidcClient(config, found.metadata));
  configureAidbox(
    createAidboxClient({
      baseUrl: config.aidboxUrl,
      getAccessToken: () => auth.getAccessToken(),
      onUnauthorized: (repeat) => auth.onUnauthorized(repeat),
    }),
  );
  const queryClient = createQueryClient();
  let previous = auth.getSnapshot().status;
  auth.subscribe(() => {
    const { status } = auth.getSnapshot();
    // Back from "session expired": re-run what failed while the token was dead.
    if (previous === 'expired' && status === 'signed-in') {
      void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
    }
    // Signed out: nothing of the old session stays in memory.
    if (status === 'signed-out') queryClient.clear();
    previous = status;
  });
  return { ok: true, config, auth, queryClient };
}
