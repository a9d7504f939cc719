// Session state for the console: who is signed in, a valid access token on demand, serialised
// refresh, re-authentication in a popup, sign-out. No React here; auth-context.tsx binds it.
// Built on oidc-client-ts's OidcClient (protocol only): the tokens, the renewal timer and the popup
// are ours, so nothing of the session ever reaches web storage (docs/decisions/0003).
import type { OidcClient, RefreshState, UserProfile } from 'oidc-client-ts';
import type { JWTPayload } from 'jose';
import type { ConsoleConfig } from '../config/config.ts';
import type { OidcMetadata } from '../config/discovery.ts';
import { paths } from '../routes/paths.ts';
// Static, not lazy: every session starts at /callback (tokens live in memory only, so a reload is a
// sign-in round trip), so ID-token validation is always needed within the first second.
import { issuerKeys, validateIdToken } from './id-token.ts';
import { resolveIdentity, type Identity } from './identity.ts';
import { openReauthPopup, PopupClosedError, waitForReauthCallback } from './reauth-popup.ts';
import { singleFlight } from './refresh-lock.ts';
import { returnToState } from './return-to.ts';
import { exchangeCode } from './token-response.ts';
import {
  randomToken,
  secondsLeft,
  toCurrentUser,
  toSession,
  type CurrentUser,
  type Session,
} from './session.ts';

export type { CurrentUser } from './session.ts';

export type AuthStatus = 'signed-out' | 'signed-in' | 'expired';

export interface AuthSnapshot {
  status: AuthStatus;
  user: CurrentUser | null;
}

export interface AuthService {
  readonly config: ConsoleConfig;
  readonly client: OidcClient;
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
  /** Called by the callback once the identity is established (ID token validated, or userinfo read). */
  acceptSession(session: Session, identity: Identity): void;
  /** The ID token's checks and the userinfo fallback, with this Aidbox's issuer, keys and endpoint. */
  identify(tokens: Parameters<typeof resolveIdentity>[0], nonce: string): Promise<Identity>;
  /** A new random nonce to send with a sign-in request (and to expect back). */
  newNonce(): string;
}

const REFRESH_MARGIN_S = 30;
/** Renew this long before expiry, as UserManager's accessTokenExpiring did. */
const RENEW_AHEAD_S = 60;
const REFRESH_TIMEOUT_S = 10;
const SIGN_OUT_TIMEOUT_MS = 5_000;
export const AUTH_CHANNEL = 'aidbox-console:auth';

export function createAuthService(
  config: ConsoleConfig,
  metadata: OidcMetadata,
  client: OidcClient,
): AuthService {
  let snapshot: AuthSnapshot = { status: 'signed-out', user: null };
  let current: Session | null = null;
  let claims: JWTPayload | null = null;
  /** the validated ID token the session started with; undefined when it started from userinfo */
  let idTokenClaims: JWTPayload | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(AUTH_CHANNEL) : undefined;

  function set(status: AuthStatus): void {
    const user = claims ? toCurrentUser(claims) : null;
    if (snapshot.status === status && snapshot.user?.sub === user?.sub && snapshot.user?.name === user?.name)
      return;
    snapshot = { status, user };
    for (const l of listeners) l();
  }

  const identify = (tokens: Parameters<typeof resolveIdentity>[0], nonce: string) =>
    resolveIdentity(tokens, {
      issuer: metadata.issuer,
      clientId: config.clientId,
      keys: issuerKeys(metadata.jwks_uri),
      nonce,
      userinfoEndpoint: metadata.userinfo_endpoint,
    });

  /** A refreshed ID token must describe the same session (OIDC Core §12.2) and the same user. */
  async function validateRefreshed(idToken: string): Promise<JWTPayload> {
    const validated = await validateIdToken(idToken, {
      issuer: metadata.issuer,
      clientId: config.clientId,
      keys: issuerKeys(metadata.jwks_uri),
      ...(idTokenClaims ? { previous: idTokenClaims } : {}),
    });
    if (!idTokenClaims && validated.sub !== claims?.sub)
      throw new Error('The refreshed ID token names another user');
    return validated;
  }

  /** Keeps the new token set and schedules its renewal (the library's timer is gone with UserManager). */
  function accept(session: Session, identity: Identity): void {
    current = session;
    claims = identity.claims;
    idTokenClaims = identity.idToken;
    clearTimeout(renewTimer);
    const left = secondsLeft(session);
    // No known expiry (no `expires_in`, opaque token): nothing to time; a 401 refreshes instead.
    if (session.refresh_token && Number.isFinite(left)) {
      // Half-way for tokens shorter than two minutes, so a short lifetime cannot loop refreshes.
      const delay = Math.min(Math.max(left - RENEW_AHEAD_S, left / 2, 1), 86_400);
      renewTimer = setTimeout(() => void refresh(), delay * 1000);
    }
    set('signed-in');
  }

  function drop(): void {
    current = null;
    clearTimeout(renewTimer);
  }

  const refresh = singleFlight(async (): Promise<boolean> => {
    const session = current;
    if (!session?.refresh_token) return false;
    try {
      // RefreshState is a plain record (and not exported at runtime by oidc-client-ts 3.5).
      const state: RefreshState = {
        refresh_token: session.refresh_token,
        ...(session.id_token ? { id_token: session.id_token } : {}),
        ...(session.scope ? { scope: session.scope } : {}),
        session_state: null,
        // Read by the library only to fill in a refresh answer without an ID token; we ignore it.
        profile: (idTokenClaims ?? claims ?? {}) as UserProfile,
      };
      const response = await client.useRefreshToken({ state, timeoutInSeconds: REFRESH_TIMEOUT_S });
      if (current !== session) return current !== null; // signed out (or signed in anew) meanwhile
      const renewed = toSession(response, session);
      if (response.id_token && response.id_token !== session.id_token) {
        const validated = await validateRefreshed(response.id_token);
        accept(renewed, { claims: idTokenClaims ? validated : (claims ?? validated), idToken: validated });
      } else if (claims) {
        accept(renewed, { claims, idToken: idTokenClaims });
      } else return false;
      return true;
    } catch (e) {
      console.warn('Token refresh failed', e instanceof Error ? e.message : 'unknown error');
      drop();
      if (snapshot.status !== 'signed-out') set('expired');
      return false;
    }
  });

  // Timers of sleeping or background tabs fire late; re-check when the tab is visible again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && current && secondsLeft(current) < REFRESH_MARGIN_S)
      void refresh();
  });
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data !== 'signed-out' || snapshot.status === 'signed-out') return;
    // Another tab signed out: revoke this tab's session too and show the same page.
    void endLocalSession(false).then(() => window.location.replace(paths.signedOut()));
  });

  async function redirectToSignIn(returnTo: string): Promise<void> {
    const request = await client.createSigninRequest({
      request_type: 'si:r',
      state: returnToState(returnTo),
      nonce: randomToken(),
    });
    window.location.assign(request.url);
  }

  async function endLocalSession(announce: boolean): Promise<void> {
    const token = current?.access_token;
    drop();
    claims = null;
    idTokenClaims = undefined;
    if (token) {
      // Revoke first (ASVS 7.4.1): Aidbox closes the Session behind this bearer token.
      await fetch(`${config.aidboxUrl}/Session`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
        credentials: 'omit',
        signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
      }).catch(() => undefined);
    }
    await client.clearStaleState().catch(() => undefined);
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
    client,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getAccessToken() {
      if (!current) return null;
      if (secondsLeft(current) < REFRESH_MARGIN_S && current.refresh_token) await refresh();
      return current?.access_token ?? null;
    },
    async onUnauthorized(repeat) {
      if (repeat || snapshot.status !== 'signed-in') {
        if (snapshot.status === 'signed-in') set('expired');
        return false;
      }
      return refresh();
    },
    signIn: (returnTo) => redirectToSignIn(returnTo),
    async reauthenticate(returnTo) {
      const popup = openReauthPopup();
      // Blocked popup: a full redirect that returns to this page (unsaved input is lost only then).
      if (!popup) return redirectToSignIn(returnTo);
      const nonce = randomToken();
      let url: string;
      let state: string;
      try {
        const request = await client.createSigninRequest({
          request_type: 'si:p',
          state: returnToState(returnTo),
          nonce,
        });
        state = request.state.id;
        popup.location.href = request.url;
        url = await waitForReauthCallback(popup);
      } catch (e) {
        popup.close();
        throw e instanceof PopupClosedError ? e : new Error('Sign-in in the window failed.', { cause: e });
      }
      popup.close();
      // Only the answer to this very request: same callback route, same one-time state.
      const answer = new URL(url);
      if (
        answer.origin + answer.pathname !== client.settings.redirect_uri ||
        answer.searchParams.get('state') !== state
      )
        throw new Error('The sign-in window returned an unexpected address.');
      const exchange = await exchangeCode(client, url);
      accept(toSession(exchange.tokens), await identify(exchange.tokens, exchange.nonce ?? nonce));
    },
    signOut: () => endLocalSession(true),
    acceptSession: (session, identity) => accept(session, identity),
    identify,
    newNonce: randomToken,
  };
}
