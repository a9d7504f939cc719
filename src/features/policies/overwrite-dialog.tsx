// "Your apply replaced someone else's change": shown when the after-write check finds that a
// policy's previous version is not the one the admin started from (a server ignored `ifMatch` in
// the transaction), or when that check could not run. Says exactly what was lost and offers to put
// their Client-link changes back; other edits are restored from the policy's history.
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import type { Overwrite } from '../../domain/matrix-verify.ts';

function ids(list: readonly string[], sign: string): string {
  return list.map((id) => `${sign}${id}`).join(', ');
}

function Lost({ o }: { o: Overwrite }) {
  const restoring = [ids(o.restore.add, '+'), ids(o.restore.remove, '−')].filter(Boolean).join(', ');
  return (
    <li>
      <strong className="pm-mono">{o.policyId}</strong>: version {o.lostVersion ?? '?'}
      {o.lostCount > 1 ? ` (and ${o.lostCount - 1} earlier)` : ''} by someone else was saved after you loaded
      version {o.baseVersion ?? '?'}, and your apply replaced it.
      <ul>
        {o.theirAdded.length > 0 ? <li>They had linked: {ids(o.theirAdded, '+')}</li> : null}
        {o.theirRemoved.length > 0 ? <li>They had unlinked: {ids(o.theirRemoved, '−')}</li> : null}
        {o.otherFieldsChanged ? (
          <li>
            They also changed its rules or its User/Operation links: those are replaced too. Restore them from
            the policy&apos;s history (version {o.lostVersion ?? '?'}).
          </li>
        ) : null}
        {restoring ? <li>Restore puts back: {restoring}</li> : null}
      </ul>
    </li>
  );
}

export function OverwriteDialog(props: {
  overwrites: readonly Overwrite[];
  unverified: unknown;
  canRestore: boolean;
  onRestore: () => void;
  onClose: () => void;
}) {
  if (props.unverified !== undefined) {
    const reason = props.unverified instanceof Error ? props.unverified.message : 'unknown error';
    return (
      <Dialog
        open
        title="Applied, but not verified"
        onClose={props.onClose}
        footer={<Button onClick={props.onClose}>Close</Button>}
      >
        <p>
          Your changes were written. Reading the policies&apos; history to check that no one else&apos;s
          change was replaced failed: {reason}
        </p>
        <p>Check each changed policy&apos;s history before relying on it.</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      size="lg"
      title="Your apply replaced someone else's change"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Keep as is</Button>
          {props.canRestore ? (
            <Button variant="primary" onClick={props.onRestore} data-autofocus>
              Restore their link changes
            </Button>
          ) : null}
        </>
      }
    >
      <p>
        Your changes were written, but this Aidbox did not refuse the write although these policies had
        changed since you loaded them (it ignores the version check inside transactions).
      </p>
      <ul className="pm-report">
        {props.overwrites.map((o) => (
          <Lost key={o.policyId} o={o} />
        ))}
      </ul>
    </Dialog>
  );
}
