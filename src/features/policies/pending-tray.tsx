// The pending-changes tray: staged edits per policy (+client / −client), undo per change or per
// policy, discard all, and Apply. Long lists are cut so a whole-column edit stays readable.
import { Button } from '../../components/ui/button.tsx';
import { describeError } from '../../components/ui/error-text.ts';
import type { PolicyDiff } from '../../domain/matrix-staging.ts';

const SHOWN_PER_POLICY = 30;

export interface PendingTrayProps {
  diffs: readonly PolicyDiff[];
  busy: boolean;
  error: unknown;
  onUndo: (policyId: string, clientId: string) => void;
  onUndoPolicy: (policyId: string) => void;
  onDiscardAll: () => void;
  onApply: () => void;
}

function Change(props: { sign: '+' | '−'; policyId: string; clientId: string; onUndo: () => void }) {
  const verb = props.sign === '+' ? 'link' : 'unlink';
  return (
    <li className={`pm-change pm-change-${verb}`}>
      <span className="pm-change-text">
        <span aria-hidden="true">{props.sign}</span>
        <span className="visually-hidden">{verb} </span>
        {props.clientId}
      </span>
      <Button
        variant="link"
        size="sm"
        aria-label={`Undo ${verb} ${props.clientId} ${props.sign === '+' ? 'to' : 'from'} ${props.policyId}`}
        onClick={props.onUndo}
      >
        Undo
      </Button>
    </li>
  );
}

export function PendingTray(props: PendingTrayProps) {
  const total = props.diffs.reduce((n, d) => n + d.add.length + d.remove.length, 0);
  const failure = props.error === undefined ? undefined : describeError(props.error);
  return (
    <aside className="pm-tray" aria-labelledby="pm-tray-title">
      <h2 id="pm-tray-title" className="pm-tray-title">
        Pending changes <span className="pm-count">{total}</span>
      </h2>
      {failure ? (
        <div role="alert" className="pm-callout pm-callout-danger">
          <strong>Nothing was changed: {failure.title}.</strong>
          {failure.diagnostics ? <span className="pm-diag">{failure.diagnostics}</span> : null}
          <span>Your pending changes are kept.</span>
        </div>
      ) : null}
      {total === 0 ? (
        <p className="pm-muted">
          Click a cell or press Space on it to stage a link or unlink. Shift+Space stages the whole row,
          Ctrl+Space the whole column. Nothing is written until you apply.
        </p>
      ) : (
        <>
          <div className="pm-tray-actions">
            <Button variant="primary" loading={props.busy} onClick={props.onApply}>
              Apply {total} {total === 1 ? 'change' : 'changes'}
            </Button>
            <Button onClick={props.onDiscardAll} disabled={props.busy}>
              Discard all
            </Button>
          </div>
          <p className="pm-muted pm-small">
            {props.diffs.length} {props.diffs.length === 1 ? 'policy' : 'policies'}, written in one
            transaction: all or nothing.
          </p>
          <ul className="pm-tray-list">
            {props.diffs.map((d) => {
              const changes = [
                ...d.add.map((c) => ({ sign: '+' as const, c })),
                ...d.remove.map((c) => ({ sign: '−' as const, c })),
              ];
              return (
                <li key={d.policyId} className="pm-tray-policy">
                  <div className="pm-tray-policy-head">
                    <span className="pm-mono">{d.policyId}</span>
                    <Button
                      variant="link"
                      size="sm"
                      aria-label={`Undo all changes to ${d.policyId}`}
                      onClick={() => props.onUndoPolicy(d.policyId)}
                    >
                      Undo all
                    </Button>
                  </div>
                  <ul>
                    {changes.slice(0, SHOWN_PER_POLICY).map(({ sign, c }) => (
                      <Change
                        key={c}
                        sign={sign}
                        policyId={d.policyId}
                        clientId={c}
                        onUndo={() => props.onUndo(d.policyId, c)}
                      />
                    ))}
                  </ul>
                  {changes.length > SHOWN_PER_POLICY ? (
                    <p className="pm-muted pm-small">and {changes.length - SHOWN_PER_POLICY} more</p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </aside>
  );
}
