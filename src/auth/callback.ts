// Completes the authorization-code callback. Anything forged, replayed or stale ends in a clear
// outcome with a "Sign in again" action — never a token request and never an automatic redirect.
import type { AuthService } from './auth-service.ts';
// Static, not lazy: every session starts at /callback (tokens live in memory only, so a reload is a
// sign-in round trip), so jose is always needed within the first second; a separate chunk only
// added a request on that path and 0.5 KB gzip (docs/decisions/0004).
import { issuerKeys, validateIdToken } from './id-token.ts';
import { notifyOpener } from './reauth-popup.ts';
import { returnToFromState } from './return-to.ts';

export type CallbackOutcome =
  | { kind: 'signed-in'; returnTo: string }
  | { kind: 'popup' }
  | { kind: 'invalid-link' }
  | { kind: 'refused'; error: string; description: string | undefined }
  | { kind: 'rejected'; reason: string };

/** True inside the re-auth popup: a same-origin opener exists and the flow state is not ours. */
export function isPopupCallback(win: Window, state: string | null, storage: Storage): boolean {
  if (!state || storage.getItem(`oidc.${state}`) !== null) return false;
  try {
    const opener = win.opener as Window | null;
    return opener !== null && opener !== win && opener.location.origin === win.location.origin;
  } catch {
    return false; // a cross-origin opener throws on .location: not our popup
  }
}

function storedNonce(storage: Storage, state: string): string | undefined | null {
  const raw = storage.getItem(`oidc.${state}`);
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as { nonce?: unknown };
    return typeof parsed.nonce === 'string' ? parsed.nonce : undefined;
  } catch {
    return undefined;
  }
}

export async function completeCallback(
  auth: AuthService,
  url: string,
  storage: Storage,
  popup: boolean,
  win: Window = window,
): Promise<CallbackOutcome> {
  const params = new URL(url).searchParams;
  const state = params.get('state');
  if (popup) {
    // The opener holds the flow state and completes the exchange (reauth-popup.ts), then closes us.
    notifyOpener(win, url);
    return { kind: 'popup' };
  }
  if (!state) return { kind: 'invalid-link' };
  const nonce = storedNonce(storage, state);
  // Unknown state: a forged link, a replay, or Back after sign-in (oidc-client-ts #402).
  if (nonce === null) return { kind: 'invalid-link' };

  const error = params.get('error');
  if (error) {
    // Consume the state so the link cannot be replayed; the library would throw the same error.
    await auth.client.settings.stateStore.remove(state).catch(() => null);
    return { kind: 'refused', error, description: params.get('error_description') ?? undefined };
  }
  if (!params.get('code')) {
    await auth.client.settings.stateStore.remove(state).catch(() => null);
    return { kind: 'invalid-link' };
  }

  let response;
  try {
    // Exchanges the code with the PKCE verifier and removes the flow state from sessionStorage.
    response = await auth.client.processSigninResponse(url);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/no matching state|state/i.test(message)) return { kind: 'invalid-link' };
    return { kind: 'rejected', reason: message };
  }
  try {
    if (!response.id_token) throw new Error('Aidbox returned no ID token (the "openid" scope is required)');
    if (!nonce) throw new Error('The sign-in request carried no nonce');
    const metadata = await auth.client.metadataService.getMetadata();
    const claims = await validateIdToken(response.id_token, {
      issuer: metadata.issuer ?? '',
      clientId: auth.config.clientId,
      keys: issuerKeys(metadata.jwks_uri ?? ''),
      nonce,
    });
    auth.acceptSession(response, claims);
  } catch (e) {
    // Nothing was kept: the tokens of a rejected response are never stored anywhere.
    return { kind: 'rejected', reason: e instanceof Error ? e.message : String(e) };
  }
  return { kind: 'signed-in', returnTo: returnToFromState(response.userState) };
}

let pending: { url: string; promise: Promise<CallbackOutcome> } | undefined;

/**
 * StrictMode runs effects twice and the second run would find the state already consumed, so the
 * first call is memoised for this page load. It also strips `code` and `state` from the address
 * bar at once, before any await, so they never linger in history even on failure.
 */
export function completeCallbackOnce(auth: AuthService, win: Window = window): Promise<CallbackOutcome> {
  const url = win.location.href;
  if (pending && (pending.url === url || !new URL(url).searchParams.has('state'))) return pending.promise;
  const state = new URL(url).searchParams.get('state');
  const popup = isPopupCallback(win, state, win.sessionStorage);
  win.history.replaceState(win.history.state, '', '/callback');
  const promise = completeCallback(auth, url, win.sessionStorage, popup, win);
  pending = { url: win.location.href, promise };
  return promise;
}

/** For tests. */
export function resetCallbackMemo(): void {
  pending = undefined;
}
