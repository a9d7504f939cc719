// Session state for the console: who is signed in, a valid access token on demand, serialised
// refresh, re-authentication in a popup, sign-out. No React here; auth-context.tsx binds it.
import type { User, UserManager } from 'oidc-client-ts';
import type { JWTPayload } from 'jose';
import type { ConsoleConfig } from '../config/config.ts';
import type { OidcMetadata } from '../config/discovery.ts';
import { singleFlight } from './refresh-lock.ts';
import { returnToState } from './return-to.ts';

export interface CurrentUser {
  sub: string;
  /** Best display name the ID token offers (name, email, preferred_username, else sub). */
  name: string;
  email: string | undefined;
}

export type AuthStatus = 'signed-out' | 'signed-in' | 'expired';

export interface AuthSnapshot {
  status: AuthStatus;
  user: CurrentUser | null;
}

export interface AuthService {
  readonly config: ConsoleConfig;
  readonly userManager: UserManager;
  getSnapshot: () => AuthSnapshot;
  subscribe: (listener: () => void) => () => void;
  /** A valid access token (refreshed first when close to expiry), or null when signed out. */
  getAccessToken(): Promise<string | null>;
  /** Hook for the API client's 401 handling (see docs/decisions/0002). */
  onUnauthorized(repeat: boolean): Promise<boolean>;
  /** Full-page redirect to Aidbox; the user comes back to `returnTo`. */
  signIn(returnTo: string): Promise<void>;
  /** "Session expired" flow: popup sign-in keeping the page; full redirect if the popup is blocked. */
  reauthenticate(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
  /** Called by the callback once the ID token is validated. */
  acceptUser(user: User, claims: JWTPayload): void;
  /** A new random nonce to send with a sign-in request (and to expect back). */
  newNonce(): string;
}

/** 32 random bytes, base64url: 256 bits, as security.md §9.A.1 asks for state/nonce. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function toCurrentUser(claims: JWTPayload): CurrentUser {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const sub = str(claims.sub) ?? '';
  const email = str(claims.email);
  return { sub, name: str(claims.name) ?? email ?? str(claims.preferred_username) ?? sub, email };
}

const REFRESH_MARGIN_S = 30;
const SIGN_OUT_TIMEOUT_MS = 5_000;
export const AUTH_CHANNEL = 'aidbox-console:auth';

export function createAuthService(
  config: ConsoleConfig,
  metadata: OidcMetadata,
  userManager: UserManager,
): AuthService {
  let snapshot: AuthSnapshot = { status: 'signed-out', user: null };
  let current: User | null = null;
  let claims: JWTPayload | null = null;
  const listeners = new Set<() => void>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(AUTH_CHANNEL) : undefined;

  function set(status: AuthStatus): void {
    const user = claims ? toCurrentUser(claims) : null;
    if (snapshot.status === status && snapshot.user?.sub === user?.sub && snapshot.user?.name === user?.name)
      return;
    snapshot = { status, user };
    for (const l of listeners) l();
  }

  async function validate(
    user: User,
    expectations: { nonce?: string; previous?: JWTPayload },
  ): Promise<JWTPayload> {
    if (!user.id_token) throw new Error('Aidbox returned no ID token (the "openid" scope is required)');
    const { validateIdToken, issuerKeys } = await import('./id-token.ts');
    return validateIdToken(user.id_token, {
      issuer: metadata.issuer,
      clientId: config.clientId,
      keys: issuerKeys(metadata.jwks_uri),
      ...expectations,
    });
  }

  const refresh = singleFlight(async (): Promise<boolean> => {
    if (!current?.refresh_token) return false;
    try {
      const previousIdToken = current.id_token;
      const renewed = await userManager.signinSilent();
      if (!renewed) return false;
      if (renewed.id_token && renewed.id_token !== previousIdToken) {
        // OIDC Core §12.2: a refreshed ID token must describe the same session.
        claims = await validate(renewed, { previous: claims ?? undefined });
      }
      current = renewed;
      set('signed-in');
      return true;
    } catch (e) {
      console.warn('Token refresh failed', e instanceof Error ? e.message : 'unknown error');
      current = null;
      await userManager.removeUser();
      if (snapshot.status !== 'signed-out') set('expired');
      return false;
    }
  });

  userManager.events.addAccessTokenExpiring(() => void refresh());
  // Timers of sleeping or background tabs fire late; re-check when the tab is visible again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && current && (current.expires_in ?? 0) < REFRESH_MARGIN_S)
      void refresh();
  });
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data !== 'signed-out' || snapshot.status === 'signed-out') return;
    // Another tab signed out: revoke this tab's session too and show the same page.
    void endLocalSession(false).then(() => window.location.replace('/signed-out'));
  });

  async function endLocalSession(announce: boolean): Promise<void> {
    const token = current?.access_token;
    current = null;
    claims = null;
    if (token) {
      // Revoke first (ASVS 7.4.1): Aidbox closes the Session behind this bearer token.
      await fetch(`${config.aidboxUrl}/Session`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
        credentials: 'omit',
        signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
      }).catch(() => undefined);
    }
    await userManager.removeUser();
    await userManager.clearStaleState().catch(() => undefined);
    if (announce) {
      // Ends the Aidbox login cookie so "Sign in" asks for a password again; tolerated when blocked.
      await fetch(`${config.aidboxUrl}/auth/logout`, {
        method: 'POST',
        credentials: 'include',
        signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
      }).catch(() => undefined);
      channel?.postMessage('signed-out');
      set('signed-out');
    }
  }

  return {
    config,
    userManager,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getAccessToken() {
      if (!current) return null;
      if ((current.expires_in ?? 0) < REFRESH_MARGIN_S && current.refresh_token) await refresh();
      return current?.access_token ?? null;
    },
    async onUnauthorized(repeat) {
      if (repeat || snapshot.status !== 'signed-in') {
        if (snapshot.status === 'signed-in') set('expired');
        return false;
      }
      return refresh();
    },
    async signIn(returnTo) {
      await userManager.signinRedirect({ state: returnToState(returnTo), nonce: randomToken() });
    },
    async reauthenticate(returnTo) {
      const nonce = randomToken();
      let user: User;
      try {
        user = await userManager.signinPopup({
          nonce,
          state: returnToState(returnTo),
          popupAbortOnClose: true,
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : '';
        if (/closed by user/i.test(message))
          throw new Error('The sign-in window was closed before sign-in finished.');
        // Blocked popups surface as a disposed/missing window: fall back to a full redirect.
        await userManager.signinRedirect({ state: returnToState(returnTo), nonce: randomToken() });
        return;
      }
      try {
        const fresh = await validate(user, { nonce });
        current = user;
        claims = fresh;
        set('signed-in');
      } catch (e) {
        await userManager.removeUser();
        throw e;
      }
    },
    signOut: () => endLocalSession(true),
    acceptUser(user, validated) {
      current = user;
      claims = validated;
      set('signed-in');
    },
    newNonce: randomToken,
  };
}
