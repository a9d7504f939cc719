// Shows any error as plain text: what happened, the server's words, what to do next, and a Retry
// only where sending the same request again can help (error-text.ts, retryHelps).
import { Button } from './button.tsx';
import { describeError, retryHelps } from './error-text.ts';

export interface ErrorPanelProps {
  error: unknown;
  /** Re-runs what failed; offered only when `retryHelps(error)`. */
  onRetry?: () => void;
  /** What failed, e.g. "The Clients could not be loaded"; defaults to what the error means. */
  title?: string;
  /** Inside a page section (a list, a panel) rather than as the whole page. */
  inline?: boolean;
}

export function ErrorPanel({ error, onRetry, title, inline = false }: ErrorPanelProps) {
  const d = describeError(error);
  return (
    <div className={inline ? 'error-panel error-panel-inline' : 'error-panel'} role="alert">
      <h2 className="error-panel-title">{title ?? d.title}</h2>
      {title && title !== d.title ? <p className="error-panel-cause">{d.title}.</p> : null}
      {d.diagnostics ? <pre className="error-panel-diagnostics">{d.diagnostics}</pre> : null}
      <p className="error-panel-action">{d.action}</p>
      {onRetry && retryHelps(error) ? (
        <Button variant="primary" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
