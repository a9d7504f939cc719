// Completes the authorization-code callback. Anything forged, replayed or stale ends in a clear
// outcome with a "Sign in again" action — never a token request and never an automatic redirect.
import type { AuthService } from './auth-service.ts';
import { notifyOpener } from './reauth-popup.ts';
import { returnToFromState } from './return-to.ts';
import { paths } from '../routes/paths.ts';
import { toSession } from './session.ts';
import { exchangeCode, UnknownStateError, type CodeExchange } from './token-response.ts';

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

  let exchange: CodeExchange;
  try {
    // Removes the flow state from sessionStorage, then redeems the code with the PKCE verifier.
    exchange = await exchangeCode(auth.client, url);
  } catch (e) {
    if (e instanceof UnknownStateError) return { kind: 'invalid-link' };
    return { kind: 'rejected', reason: e instanceof Error ? e.message : String(e) };
  }
  try {
    if (!nonce) throw new Error('The sign-in request carried no nonce');
    // A present nonce must match; identity from the ID token, else from userinfo (decision 0060).
    auth.acceptSession(toSession(exchange.tokens), await auth.identify(exchange.tokens, nonce));
  } catch (e) {
    // Nothing was kept: the tokens of a rejected response are never stored anywhere.
    return { kind: 'rejected', reason: e instanceof Error ? e.message : String(e) };
  }
  return { kind: 'signed-in', returnTo: returnToFromState(exchange.userState) };
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
  win.history.replaceState(win.history.state, '', paths.callback());
  const promise = completeCallback(auth, url, win.sessionStorage, popup, win);
  pending = { url: win.location.href, promise };
  return promise;
}

/** For tests. */
export function resetCallbackMemo(): void {
  pending = undefined;
}
