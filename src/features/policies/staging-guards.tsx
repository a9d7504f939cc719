// The matrix's two questions about staged work: before staging a link that changes what a Global
// or User/Operation policy means, and before leaving the matrix with changes not yet applied.
import { useState, type ReactNode } from 'react';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import type { MatrixModel } from '../../domain/matrix.ts';
import { newGuardedLinks, type GuardedLink } from '../../domain/matrix-stage-guard.ts';
import type { Staged } from '../../domain/matrix-staging.ts';
import { StageGuardDialog } from './stage-guard-dialog.tsx';

/**
 * `stage(next)` stages at once, or holds the step until the admin confirms it in `dialog` when it
 * links a Global or User/Operation policy. Render `dialog` once.
 */
export function useGuardedStaging(
  model: MatrixModel,
  staged: Staged,
  setStaged: (next: Staged) => void,
): { stage: (next: Staged) => void; dialog: ReactNode } {
  const [held, setHeld] = useState<{ next: Staged; links: GuardedLink[] }>();
  function stage(next: Staged) {
    const links = newGuardedLinks(model, staged, next);
    if (links.length > 0) setHeld({ next, links });
    else setStaged(next);
  }
  const dialog = held ? (
    <StageGuardDialog
      links={held.links}
      onConfirm={() => {
        setStaged(held.next);
        setHeld(undefined);
      }}
      onCancel={() => setHeld(undefined)}
    />
  ) : null;
  return { stage, dialog };
}

/** Filters live in the URL and keep staged changes: only leaving the matrix asks. */
export function StagedLeaveGuard({ count }: { count: number }) {
  return (
    <LeaveGuard when={count > 0} ignoreSearch title="Discard staged changes?" leaveLabel="Discard and leave">
      <p>
        {count} staged link {count === 1 ? 'change has' : 'changes have'} not been applied. If you leave the
        matrix now, {count === 1 ? 'it is' : 'they are'} discarded.
      </p>
    </LeaveGuard>
  );
}
