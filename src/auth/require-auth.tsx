// Guard for the signed-in shell. Without a user (e.g. after a reload: tokens live in memory only)
// it starts the redirect round trip, which completes without a prompt while Aidbox's login lives.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { PageLoading } from '../components/ui/spinner.tsx';
import { useAuthService, useAuthState } from './auth-context.tsx';

// Loaded only when a session expires.
const SessionExpiredDialog = lazy(() =>
  import('./session-expired-dialog.tsx').then((m) => ({ default: m.SessionExpiredDialog })),
);

let redirecting = false; // StrictMode mounts twice; one redirect is enough

export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuthService();
  const { status } = useAuthState();
  const location = useLocation();
  const returnTo = location.pathname + location.search + location.hash;

  useEffect(() => {
    if (status !== 'signed-out' || redirecting) return;
    redirecting = true;
    auth.signIn(returnTo).catch((e: unknown) => {
      redirecting = false;
      console.error('Could not start sign-in', e instanceof Error ? e.message : e);
    });
  }, [auth, status, returnTo]);

  if (status === 'signed-out') return <PageLoading label="Signing in…" />;
  return (
    <>
      {children}
      {/* Over the page, not instead of it: unsaved form input survives re-authentication. */}
      {status === 'expired' ? (
        <Suspense fallback={null}>
          <SessionExpiredDialog open returnTo={returnTo} />
        </Suspense>
      ) : null}
    </>
  );
}
