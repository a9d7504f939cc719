// Shows any error as plain text: what happened, the server's words, what to do next.
import { isAidboxError, type AidboxError } from '../../api/errors.ts';
import { Button } from './button.tsx';

export interface ErrorDescription {
  title: string;
  action: string;
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

export function ErrorPanel({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const d = describeError(error);
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel-title">{title ?? d.title}</h2>
      {d.diagnostics ? <pre className="error-panel-diagnostics">{d.diagnostics}</pre> : null}
      <p className="error-panel-action">{d.action}</p>
      {onRetry ? (
        <Button variant="primary" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
