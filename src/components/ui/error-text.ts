// What a failed request means to the user, in plain words, and whether trying again can help.
// One module for every screen: the ErrorPanel, form-level errors and toasts all read from here.
import { isAidboxError, type AidboxError } from '../../api/errors.ts';

export interface ErrorDescription {
  title: string;
  action: string;
  /** The server's own words (or the error's message); empty when it said nothing useful. */
  diagnostics: string;
}

export function describeError(error: unknown): ErrorDescription {
  if (!isAidboxError(error)) {
    return {
      title: 'Something went wrong',
      action: 'Try again. If it keeps happening, reload the page.',
      diagnostics: error instanceof Error ? error.message : String(error),
    };
  }
  return { ...describeAidbox(error), diagnostics: error.diagnostics };
}

function describeAidbox(e: AidboxError): Omit<ErrorDescription, 'diagnostics'> {
  switch (e.kind) {
    case 'network':
      return {
        title: e.outcomeUnknown
          ? 'Connection lost — the change may or may not have been saved'
          : 'Aidbox could not be reached',
        action: e.outcomeUnknown
          ? 'Reload the item to see whether the change was applied before trying again.'
          : 'Check your connection and that Aidbox is running, then try again.',
      };
    case 'timeout':
      return {
        title: e.outcomeUnknown
          ? 'Aidbox did not answer in time — the change may have been saved'
          : 'Aidbox did not answer in time',
        action: e.outcomeUnknown ? 'Reload the item to check before trying again.' : 'Try again in a moment.',
      };
    case 'unauthorized':
      return {
        title: 'Your session has expired',
        action: 'Sign in again; your unsaved input stays on this page.',
      };
    case 'forbidden':
      return {
        title: 'Your account lacks the Aidbox permission for this action',
        action: 'Ask an Aidbox administrator for an AccessPolicy that allows it.',
      };
    case 'not-found':
      return { title: 'Not found — it may have been deleted', action: 'Go back to the list and check.' };
    case 'conflict':
      return e.reason === 'exists'
        ? { title: 'It already exists', action: 'Choose another id.' }
        : {
            title: 'Someone else changed this in the meantime',
            action: 'Reload to see their change, then apply yours again.',
          };
    case 'invalid':
      return {
        title: 'Aidbox rejected the request',
        action: 'Correct the highlighted values and try again.',
      };
    case 'server':
      return e.reason === 'rate-limited'
        ? { title: 'Aidbox is busy (too many requests)', action: 'Wait a moment and try again.' }
        : {
            title: `Aidbox failed (HTTP ${e.status})`,
            action: 'Try again; if it persists, check the Aidbox logs.',
          };
  }
}

/**
 * Whether the same request can succeed when simply sent again: yes after a lost connection, a
 * timeout or a server failure (5xx, 429); no when the answer is about the request itself (404, 403,
 * 401, 409, 422), and no for a write whose outcome is unknown (reload first, or it may apply twice).
 * An error that is not Aidbox's (a code chunk that failed to load) may pass on a second try.
 */
export function retryHelps(error: unknown): boolean {
  if (!isAidboxError(error)) return true;
  if (error.outcomeUnknown) return false;
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
}

/** The same description as one sentence, for a form-level error or a toast. */
export function errorText(error: unknown): string {
  const d = describeError(error);
  return d.diagnostics ? `${d.title}: ${d.diagnostics}` : `${d.title}. ${d.action}`;
}
