// The removals of a matrix apply and what each Client loses by them (issue 14 §6), shown in the
// apply confirmation before anything is written.
import { useMemo } from 'react';
import { ClientLossView, LossMethodNote } from '../../components/access/client-loss.tsx';
import type { ClientRow, PolicyResource } from '../../domain/matrix.ts';
import type { PolicyDiff } from '../../domain/matrix-staging.ts';
import { unlinkImpact } from '../../domain/unlink-impact.ts';

/** Clients evaluated in one confirmation: a whole-column unlink is summarized beyond this. */
const SHOWN = 20;

/** The fields of a Client the matrix has read, as the rules would see them. */
function asClient(row: ClientRow): Record<string, unknown> {
  return { name: row.name, type: row.type, grant_types: row.grantTypes, active: row.active };
}

export function countRemovals(diffs: readonly PolicyDiff[]): number {
  return diffs.reduce((n, d) => n + d.remove.length, 0);
}

export function UnlinkImpact(props: {
  base: ReadonlyMap<string, PolicyResource>;
  diffs: readonly PolicyDiff[];
  clients: readonly ClientRow[];
}) {
  const { base, diffs, clients } = props;
  const losses = useMemo(() => {
    const removed = new Set(diffs.flatMap((d) => d.remove));
    const rows = new Map(clients.filter((c) => removed.has(c.id)).map((c) => [c.id, asClient(c)]));
    return unlinkImpact(base, diffs, rows, SHOWN);
  }, [base, diffs, clients]);
  const removals = countRemovals(diffs);
  if (removals === 0) return null;
  const clientCount = new Set(diffs.flatMap((d) => d.remove)).size;
  return (
    <section aria-labelledby="pm-unlink-title" className="pm-unlink">
      <h3 id="pm-unlink-title" className="pm-unlink-title">
        {removals} {removals === 1 ? 'link' : 'links'} removed: what{' '}
        {clientCount === 1 ? 'the Client loses' : 'each Client loses'}
      </h3>
      {losses.map((loss) => (
        <ClientLossView key={loss.clientId} loss={loss} />
      ))}
      {clientCount > losses.length ? (
        <p className="pm-muted">
          And {clientCount - losses.length} more Clients, not evaluated here: see them in the pending changes.
        </p>
      ) : null}
      <LossMethodNote />
    </section>
  );
}
