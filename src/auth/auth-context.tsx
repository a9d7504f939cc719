// React access to the AuthService. Features read the signed-in user with useCurrentUser().
import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthService, AuthSnapshot, CurrentUser } from './auth-service.ts';

const AuthContext = createContext<AuthService | null>(null);

export function AuthProvider({ auth, children }: { auth: AuthService; children: ReactNode }) {
  return <AuthContext value={auth}>{children}</AuthContext>;
}

export function useAuthService(): AuthService {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuthService must be used inside <AuthProvider>');
  return auth;
}

export function useAuthState(): AuthSnapshot {
  const auth = useAuthService();
  return useSyncExternalStore(auth.subscribe, auth.getSnapshot);
}

/** The signed-in user; null only outside the signed-in shell. */
export function useCurrentUser(): CurrentUser | null {
  return useAuthState().user;
}
