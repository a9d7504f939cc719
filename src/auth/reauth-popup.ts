// The window half of popup re-authentication ("session expired — sign in again"). The opener keeps
// the PKCE verifier and nonce in its own sessionStorage; the popup only carries the redirect URL
// back. Messages are accepted only from our exact origin AND from the exact window we opened, and
// are posted only to our exact origin (security.md §1.1 "In-browser messaging").

export const REAUTH_MESSAGE = 'aidbox-console:reauth-callback';
const POPUP_NAME = 'aidbox-console-reauth';
const POPUP_FEATURES = 'popup,width=520,height=680';
const CLOSED_POLL_MS = 500;

export class PopupClosedError extends Error {
  constructor() {
    super('The sign-in window was closed before sign-in finished.');
  }
}

interface ReauthMessage {
  type: typeof REAUTH_MESSAGE;
  url: string;
}

function isReauthMessage(data: unknown): data is ReauthMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.type === REAUTH_MESSAGE && typeof d.url === 'string';
}

/**
 * Opens an empty popup at once, while the click's user activation still holds (creating the sign-in
 * request awaits crypto first). Opening before the flow state exists also keeps that state out of
 * the copy of sessionStorage the popup receives, which is how /callback tells it is the popup.
 * Null when the browser blocked it.
 */
export function openReauthPopup(win: Window = window): Window | null {
  return win.open('about:blank', POPUP_NAME, POPUP_FEATURES);
}

/** Resolves with the callback URL our /callback page posts; rejects when the popup closes first. */
export function waitForReauthCallback(popup: Window, win: Window = window): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== win.location.origin || event.source !== popup) return; // not ours: ignore
      if (!isReauthMessage(event.data)) return;
      cleanup();
      resolve(event.data.url);
    };
    const poll = setInterval(() => {
      if (!popup.closed) return;
      cleanup();
      reject(new PopupClosedError());
    }, CLOSED_POLL_MS);
    function cleanup() {
      win.removeEventListener('message', onMessage);
      clearInterval(poll);
    }
    win.addEventListener('message', onMessage);
  });
}

/** In the popup, on /callback: hand the URL to the opener (our origin only). False without one. */
export function notifyOpener(win: Window, url: string): boolean {
  const opener = win.opener as Window | null;
  if (!opener || opener.closed) return false;
  const message: ReauthMessage = { type: REAUTH_MESSAGE, url };
  opener.postMessage(message, win.location.origin);
  return true;
}
