// Progress of a long evaluation: a real progressbar with values, a Cancel button that stops new
// requests at once, and what happened when it ended.
import { TestPolicyUnavailable } from '../../api/audit.ts';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import type { EvaluationState } from './use-evaluation.ts';

const fmt = new Intl.NumberFormat('en-US');

export function EvaluationProgress({
  state,
  onCancel,
  label,
}: {
  state: EvaluationState;
  onCancel: () => void;
  label: string;
}) {
  if (state.status === 'idle') return null;
  const seconds = state.finishedAt === undefined ? 0 : (state.finishedAt - state.startedAt) / 1000;
  return (
    <div className="au-progress">
      <div className="au-progress-row">
        <progress
          aria-label={label}
          max={Math.max(state.total, 1)}
          value={state.done}
          aria-valuetext={`${fmt.format(state.done)} of ${fmt.format(state.total)} evaluations`}
        />
        <span className="au-muted" role="status">
          {state.status === 'running' ? (
            <>
              {fmt.format(state.done)} of {fmt.format(state.total)} policy evaluations…
            </>
          ) : state.status === 'done' ? (
            <>
              Done: {fmt.format(state.total)} policy evaluations in {seconds.toFixed(1)} s
              {state.cached > 0 ? ` (${fmt.format(state.cached)} answered from cache)` : ''}.
            </>
          ) : state.status === 'cancelled' ? (
            <>
              Cancelled after {fmt.format(state.done)} of {fmt.format(state.total)} evaluations. Cells marked
              “not evaluated” are unknown.
            </>
          ) : (
            'Stopped.'
          )}
        </span>
        {state.status === 'running' ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
            <span>Cancel</span>
          </button>
        ) : null}
      </div>
      {state.fatal instanceof TestPolicyUnavailable ? <TestPolicyHelp error={state.fatal} /> : null}
      {state.fatal && !(state.fatal instanceof TestPolicyUnavailable) ? (
        <ErrorPanel error={state.fatal} />
      ) : null}
    </div>
  );
}

function TestPolicyHelp({ error }: { error: TestPolicyUnavailable }) {
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel-title">Aidbox refused its policy evaluator (POST /auth/test-policy)</h2>
      {error.reason === 'dev-mode' ? (
        <p>
          Aidbox serves <code>/auth/test-policy</code> only in dev mode. Set{' '}
          <code>BOX_SECURITY_DEV_MODE=true</code> in Aidbox’s environment and restart it (preferably on a
          staging copy with the same policies), then run the evaluation again.
        </p>
      ) : (
        <p>
          Your account may not call <code>POST /auth/test-policy</code>. Add a rule allowing{' '}
          <code>{'{"uri": "/auth/test-policy", "request-method": "post"}'}</code> for console admins (see
          devbox/seed/bootstrap.json, policy <code>aidbox-console-admin</code>).
        </p>
      )}
      {error.diagnostics ? <pre className="error-panel-diagnostics">{error.diagnostics}</pre> : null}
    </div>
  );
}
