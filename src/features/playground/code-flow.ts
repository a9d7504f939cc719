// The popup leg of the authorization code flow. The opener keeps state, verifier, nonce and issuer
// in memory; the popup only carries the redirect back. Messages are accepted only from our own
// origin AND from the exact popup window we opened (security.md §1.1, §9.E item 77).
import { paths } from '../../routes/paths.ts';

export const CALLBACK_PATH = paths.playgroundCallback();
export const CALLBACK_MESSAGE = 'aidbox-console:playground-callback';

export interface CallbackMessage {
  type: typeof CALLBACK_MESSAGE;
  url: string;
}

export function isCallbackMessage(data: unknown): data is CallbackMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.type === CALLBACK_MESSAGE && typeof d.url === 'string';
}

export function playgroundCallbackUrl(): string {
  return `${location.origin}${CALLBACK_PATH}`;
}

export function openAuthorizationPopup(url: string): Window | null {
  return window.open(url, 'aidbox-playground-authorize', 'popup,width=520,height=720');
}

/** Resolves with the URL our callback page posted; rejects when the popup closes first. */
export function waitForPopupCallback(popup: Window, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== location.origin || event.source !== popup) return; // not ours: ignore
      if (!isCallbackMessage(event.data)) return;
      cleanup();
      resolve(event.data.url);
    };
    const poll = setInterval(() => {
      if (popup.closed) {
        cleanup();
        reject(new Error('The authorization window was closed before it finished.'));
      }
    }, 500);
    const onAbort = () => {
      cleanup();
      reject(new Error('Cancelled.'));
    };
    function cleanup() {
      window.removeEventListener('message', onMessage);
      clearInterval(poll);
      signal.removeEventListener('abort', onAbort);
    }
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
