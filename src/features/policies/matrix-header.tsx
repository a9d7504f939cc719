// Column headers of the matrix (policy id, engine, kind marker) and the one tooltip that shows a
// policy's description on hover or focus, tied to its header with aria-describedby.
import type { PolicyColumn, PolicyKind } from '../../domain/matrix.ts';

export interface Tip {
  /** -1 = the Global column */
  col: number;
  rect: DOMRect;
}

const KIND_MARK: Record<PolicyKind, { mark: string; label: string }> = {
  global: { mark: 'G', label: 'global: no link, applies to every request' },
  client: { mark: '', label: 'linked to Clients' },
  mixed: { mark: '⚠', label: 'mixed link: Client and Operation' },
  'user-or-operation': { mark: 'U/Op', label: 'linked to Users or Operations only' },
};

export function kindLabel(p: PolicyColumn): string {
  if (p.kind === 'client' && p.userIds.length > 0) return 'linked to Clients and Users';
  return KIND_MARK[p.kind].label;
}

export function mixedExplanation(p: PolicyColumn): string {
  return `Link entries are OR-ed: besides ${p.clientIds.map((c) => `Client/${c}`).join(', ')} this policy also applies to anyone calling ${p.operationIds.map((o) => `Operation/${o}`).join(', ')}.`;
}

export function PolicyHeader(props: {
  policy: PolicyColumn;
  index: number;
  left: number;
  width: number;
  focused: boolean;
  tabIndex: number;
  describedBy: string | undefined;
  onTip: (rect: DOMRect | undefined) => void;
}) {
  const { policy: p } = props;
  const mark = p.kind === 'client' && p.userIds.length > 0 ? 'U' : KIND_MARK[p.kind].mark;
  return (
    <div
      role="columnheader"
      aria-colindex={props.index + 3}
      className={`pm-h pm-h-policy pm-kind-${p.kind}${props.focused ? ' pm-col-focus' : ''}`}
      data-r={-1}
      data-c={props.index}
      tabIndex={props.tabIndex}
      aria-describedby={props.describedBy}
      style={{ left: props.left, width: props.width }}
      onMouseEnter={(e) => props.onTip(e.currentTarget.getBoundingClientRect())}
      onMouseLeave={() => props.onTip(undefined)}
      onFocus={(e) => props.onTip(e.currentTarget.getBoundingClientRect())}
      onBlur={() => props.onTip(undefined)}
    >
      <span className="pm-h-text">
        <span className="pm-h-id">{p.id}</span>
        <span className="pm-h-engine">{p.engine || 'no engine'}</span>
      </span>
      {mark ? (
        <span className="pm-h-mark" aria-hidden="true">
          {mark}
        </span>
      ) : null}
    </div>
  );
}

export function ColumnTip(props: {
  id: string;
  tip: Tip;
  policies: readonly PolicyColumn[];
  globalPolicies: readonly PolicyColumn[];
}) {
  const { tip } = props;
  const left = Math.max(8, Math.min(tip.rect.left, window.innerWidth - 360));
  const style = { left, top: tip.rect.bottom + 4 };
  if (tip.col === -1) {
    return (
      <div id={props.id} role="tooltip" className="pm-tip" style={style}>
        <strong>Global policies</strong> have no link, so they apply to every request from every Client:{' '}
        {props.globalPolicies.length === 0 ? 'none.' : props.globalPolicies.map((p) => p.id).join(', ')}
      </div>
    );
  }
  const p = props.policies[tip.col];
  if (!p) return null;
  return (
    <div id={props.id} role="tooltip" className="pm-tip" style={style}>
      <strong className="pm-mono">{p.id}</strong> · {p.engine || 'no engine'} · {kindLabel(p)}
      {p.description ? <span className="pm-tip-desc">{p.description}</span> : null}
      {p.userIds.length > 0 ? <span>Users: {p.userIds.join(', ')}</span> : null}
      {p.operationIds.length > 0 ? <span>Operations: {p.operationIds.join(', ')}</span> : null}
      {p.kind === 'mixed' ? <span className="pm-warn">⚠ {mixedExplanation(p)}</span> : null}
    </div>
  );
}
