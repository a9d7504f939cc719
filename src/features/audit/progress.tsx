// Progress of an effective-access run: how it was decided (by the console from the policy text,
// and by Aidbox where it answers), a real progressbar for the server calls with Cancel, and what
// happened when it ended.
import { TestPolicyUnavailable } from '../../api/test-policy.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { CrossCheckPanel, LocalModeNote, TestPolicyHelp } from './evaluation-notes.tsx';
import type { EvaluationState } from './use-evaluation.ts';

const fmt = new Intl.NumberFormat('en-US');

function statusText(state: EvaluationState): string {
  const seconds = ((state.finishedAt ?? state.startedAt) - state.startedAt) / 1000;
  const local = `${fmt.format(state.local)} evaluated by the console from the policy text`;
  switch (state.status) {
    case 'running':
      return state.mode.kind === 'detecting'
        ? `${local}; asking whether Aidbox answers /auth/test-policy…`
        : `${local}; asking Aidbox: ${fmt.format(state.done)} of ${fmt.format(state.total)}…`;
    case 'done': {
      if (state.mode.kind !== 'aidbox') return `Done: ${local}, in ${seconds.toFixed(1)} s.`;
      const cached = state.cached > 0 ? ` (${fmt.format(state.cached)} answered from cache)` : '';
      return `Done: ${local}; ${fmt.format(state.asked)} decided by Aidbox; ${fmt.format(state.crossCheck.compared)} cross-checked; in ${seconds.toFixed(1)} s${cached}.`;
    }
    case 'cancelled':
      return `Cancelled after ${fmt.format(state.done)} of ${fmt.format(state.total)} requests to Aidbox. Cells marked “not evaluated” are unknown.`;
    default:
      return 'Stopped.';
  }
}

export function EvaluationProgress({
  state,
  onCancel,
  label,
  unknownCells,
  unit = ['cell', 'cells'],
}: {
  unit?: [one: string, many: string];
  state: EvaluationState;
  onCancel: () => void;
  label: string;
  /** cells the console could not decide and Aidbox was not asked about */
  unknownCells: number;
}) {
  if (state.status === 'idle') return null;
  return (
    <div className="au-progress">
      <div className="au-progress-row">
        <progress
          aria-label={label}
          max={Math.max(state.total, 1)}
          value={state.status === 'done' && state.total === 0 ? 1 : state.done}
          aria-valuetext={`${fmt.format(state.done)} of ${fmt.format(state.total)} requests to Aidbox`}
        />
        <span className="au-muted" role="status">
          {statusText(state)}
        </span>
        {state.status === 'running' ? (
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {state.mode.kind === 'local' ? (
        <LocalModeNote why={state.mode.why} unknownCells={unknownCells} unit={unit} />
      ) : null}
      {state.mode.kind === 'aidbox' && state.status !== 'running' ? (
        <CrossCheckPanel crossCheck={state.crossCheck} />
      ) : null}
      {state.fatal instanceof TestPolicyUnavailable ? <TestPolicyHelp error={state.fatal} /> : null}
      {state.fatal && !(state.fatal instanceof TestPolicyUnavailable) ? (
        <ErrorPanel error={state.fatal} />
      ) : null}
    </div>
  );
}
