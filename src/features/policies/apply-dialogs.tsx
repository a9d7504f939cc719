// The two questions an apply can ask: "this may remove your own access — apply anyway?" and
// "someone else changed these policies — here is what changed, apply your re-based changes?".
import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import {
  describeRisk,
  type AccessRisk,
  type PolicyRebase,
  type RebaseResult,
  type SignedInAdmin,
} from '../../domain/matrix-apply.ts';

function Risks({ risks, admin }: { risks: readonly AccessRisk[]; admin: SignedInAdmin }) {
  return (
    <ul className="pm-risks">
      {risks.map((r) => (
        <li key={`${r.policyId}:${r.kind}`}>{describeRisk(r, admin)}</li>
      ))}
    </ul>
  );
}

export function RiskDialog(props: {
  risks: readonly AccessRisk[];
  admin: SignedInAdmin;
  /** what the staged unlinks take away (unlink-impact.tsx); shown after the risks */
  impact?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const risky = props.risks.length > 0;
  return (
    <ConfirmDialog
      open
      size={props.impact ? 'md' : 'sm'}
      title={risky ? 'These changes may affect access, including your own' : 'Remove these links?'}
      confirmLabel={risky ? 'Apply anyway' : 'Apply and remove access'}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {risky ? <Risks risks={props.risks} admin={props.admin} /> : null}
      {props.impact}
      <p>Nothing is written until you apply. Cancel keeps your pending changes.</p>
    </ConfirmDialog>
  );
}

function list(ids: readonly string[], sign: string): string {
  return ids.map((id) => `${sign}${id}`).join(', ');
}

function PolicyReport({ r }: { r: PolicyRebase }) {
  if (r.status === 'deleted') {
    return (
      <li>
        <strong className="pm-mono">{r.policyId}</strong> was deleted by someone else; your changes to it are
        dropped.
      </li>
    );
  }
  return (
    <li>
      <strong className="pm-mono">{r.policyId}</strong>
      {r.status === 'unchanged' ? ' (not changed by anyone else)' : null}
      <ul>
        {r.theirAdded.length > 0 ? <li>They linked: {list(r.theirAdded, '+')}</li> : null}
        {r.theirRemoved.length > 0 ? <li>They unlinked: {list(r.theirRemoved, '−')}</li> : null}
        {r.otherFieldsChanged ? (
          <li>They also changed its rules or its User/Operation links (kept).</li>
        ) : null}
        {r.status === 'changed-by-others' &&
        r.theirAdded.length + r.theirRemoved.length === 0 &&
        !r.otherFieldsChanged ? (
          <li>Saved again by someone else, without changes to its Client links.</li>
        ) : null}
        {r.add.length + r.remove.length > 0 ? (
          <li>Yours, re-applied: {[list(r.add, '+'), list(r.remove, '−')].filter(Boolean).join(', ')}</li>
        ) : null}
        {r.alreadyDone.length > 0 ? <li>Already as you wanted: {r.alreadyDone.join(', ')}</li> : null}
      </ul>
    </li>
  );
}

export function ConflictDialog(props: {
  result: RebaseResult;
  risks: readonly AccessRisk[];
  admin: SignedInAdmin;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const nothingLeft = props.result.bundle.entry.length === 0;
  return (
    <Dialog
      open
      size="lg"
      title="Someone else changed these policies"
      onClose={props.onCancel}
      footer={
        <>
          <Button onClick={props.onCancel}>Review in the grid</Button>
          <Button
            variant={props.risks.length > 0 ? 'danger' : 'primary'}
            onClick={props.onConfirm}
            data-autofocus
          >
            {nothingLeft ? 'Close' : 'Apply re-based changes'}
          </Button>
        </>
      }
    >
      <p>
        Nothing was written. Your changes were re-applied onto the current versions; links others changed are
        kept.
      </p>
      <ul className="pm-report">
        {props.result.report.map((r) => (
          <PolicyReport key={r.policyId} r={r} />
        ))}
      </ul>
      {props.risks.length > 0 ? <Risks risks={props.risks} admin={props.admin} /> : null}
      {nothingLeft ? <p>Nothing is left to apply.</p> : null}
    </Dialog>
  );
}
