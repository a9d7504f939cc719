// The Client's side of the policy matrix: the AccessPolicies linked to it and the global ones that
// reach it anyway, with link/unlink. Each change re-reads the policy, applies the single intent onto
// its current version in a one-entry transaction with If-Match, and checks the policy's history
// afterwards, so a concurrent change is never overwritten silently (docs/decisions/0062).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  fetchPoliciesByIds,
  fetchPolicyHistory,
  policyMutations,
  policyQueries,
  refreshPolicies,
} from '../../api/policies.ts';
import { changedSince, findOverwrites } from '../../domain/matrix-verify.ts';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { buildMatrix, type PolicyResource } from '../../domain/matrix.ts';
import { describeRisk, findRisks, rebase, type AccessRisk } from '../../domain/matrix-apply.ts';
import type { PolicyDiff } from '../../domain/matrix-staging.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { StatusLine } from '../../components/ui/status-line.tsx';
import { errorText } from '../../components/ui/error-text.ts';
import { paths } from '../../routes/paths.ts';
import { useConsoleClientId } from './console-client.ts';
import { UnlinkConfirm } from './unlink-confirm.tsx';

export function ClientPoliciesPanel({ clientId }: { clientId: string }) {
  const query = useQuery(policyQueries.list());
  const queryClient = useQueryClient();
  // A written link refreshes the policies through the mutation's meta.
  const transaction = useMutation(policyMutations.transaction());
  // Only the console Client is checked here (the User id would need the auth context, which this
  // screen does not otherwise depend on); unlinking it from a policy still asks first.
  const admin = { consoleClientId: useConsoleClientId(), userId: '' };
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<{ diff: PolicyDiff; risks: AccessRisk[] }>();
  // The policy just unlinked, offered back with Undo until the next change.
  const [undoable, setUndoable] = useState<string>();
  const selectId = useId();

  if (query.isPending) return <p className="cc-muted">Loading AccessPolicies…</p>;
  if (query.isError)
    return (
      <ErrorPanel
        inline
        title="The AccessPolicies could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );

  const model = buildMatrix(query.data, []);
  const linked = model.policies.filter((p) => p.clientIds.includes(clientId));
  const globals = model.policies.filter((p) => p.kind === 'global');
  const linkable = model.policies.filter((p) => p.kind !== 'global' && !p.clientIds.includes(clientId));

  async function write(diff: PolicyDiff) {
    setBusy(true);
    let wrote = false;
    setNotice('');
    setUndoable(undefined);
    const resources: ReadonlyMap<string, PolicyResource> = model.resources;
    try {
      // Re-read first and apply the one intent onto the current version: a server may ignore
      // `ifMatch` in transactions (docs/decisions/0062), so the version check cannot be left to it.
      const fresh = await fetchPoliciesByIds([diff.policyId]);
      const result = rebase(resources, fresh, [diff]);
      const moved = changedSince(resources, fresh, [diff.policyId]).length > 0;
      if (!fresh.has(diff.policyId)) setNotice(`${diff.policyId} was deleted meanwhile.`);
      else if (result.bundle.entry.length === 0) setNotice(`${diff.policyId} was already as you wanted.`);
      else {
        const written = await transaction.mutateAsync(result.bundle);
        wrote = true;
        const history = new Map([[diff.policyId, await fetchPolicyHistory(diff.policyId)]]);
        const [lost] = findOverwrites(fresh, written, history);
        const done = `${diff.add.length ? 'Linked to' : 'Unlinked from'} ${diff.policyId}.`;
        setNotice(
          lost
            ? `${done} But version ${lost.lostVersion ?? '?'}, saved by someone else at the same moment, was replaced: check the policy's history.`
            : moved
              ? `${diff.policyId} had changed meanwhile; your change was applied onto the current version.`
              : done,
        );
        if (diff.remove.length > 0) setUndoable(diff.policyId);
      }
      setChoice('');
    } catch (error) {
      setNotice(`Nothing was changed: ${errorText(error)}`);
    } finally {
      setBusy(false);
      // A write refreshed through its meta; otherwise the server moved on and the panel re-reads.
      if (!wrote) await refreshPolicies(queryClient);
    }
  }

  function request(diff: PolicyDiff) {
    const risks = findRisks(model.resources, [diff], admin);
    // An unlink always asks, with what the Client loses (unlink-confirm.tsx).
    if (risks.length > 0 || diff.remove.length > 0) setPending({ diff, risks });
    else void write(diff);
  }

  return (
    <fieldset className="cc-section" aria-busy={busy}>
      <legend>AccessPolicies</legend>
      <p className="field-help">
        What this Client may do: the policies linked to it, plus every global policy.{' '}
        <Link to={paths.policyMatrix({ client: clientId, linked: '1' })}>Open in the policy matrix</Link>
      </p>
      <StatusLine>{notice}</StatusLine>
      {undoable && !busy ? (
        // In a block of its own so the button keeps its natural width in the section's grid.
        <div>
          <Button onClick={() => void write({ policyId: undoable, add: [clientId], remove: [] })}>
            Undo: link {undoable} again
          </Button>
        </div>
      ) : null}
      <h3>Linked ({linked.length})</h3>
      {linked.length === 0 ? <p className="cc-muted">No policy links this Client.</p> : null}
      <ul>
        {linked.map((p) => (
          <li key={p.id}>
            <Link to={paths.policy({ id: p.id })}>{p.id}</Link> <span className="cc-muted">{p.engine}</span>
            {p.kind === 'mixed' ? (
              <span className="cc-danger-text"> ⚠ also linked to an Operation</span>
            ) : null}{' '}
            <Button
              size="sm"
              disabled={busy}
              aria-label={`Unlink ${p.id}`}
              onClick={() => request({ policyId: p.id, add: [], remove: [clientId] })}
            >
              Unlink
            </Button>
          </li>
        ))}
      </ul>
      <h3>Global ({globals.length})</h3>
      <p className="cc-muted">{globals.map((p) => p.id).join(', ') || 'None.'}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) request({ policyId: choice, add: [clientId], remove: [] });
        }}
      >
        <label htmlFor={selectId}>Link a policy</label>{' '}
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {linkable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} ({p.engine})
            </option>
          ))}
        </select>{' '}
        <Button type="submit" disabled={busy || choice === ''}>
          Link
        </Button>
      </form>
      {pending && pending.diff.remove.length > 0 ? (
        <UnlinkConfirm
          clientId={clientId}
          policyId={pending.diff.policyId}
          resources={model.resources}
          risks={
            pending.risks.length > 0 ? (
              <ul className="cc-impact" aria-label="Your own access">
                {pending.risks.map((r) => (
                  <li key={r.kind}>{describeRisk(r, admin)}</li>
                ))}
              </ul>
            ) : null
          }
          busy={busy}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            void write(pending.diff);
            setPending(undefined);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={pending !== undefined && pending.diff.remove.length === 0}
        title="This may affect your own access"
        confirmLabel="Apply anyway"
        onCancel={() => setPending(undefined)}
        onConfirm={() => {
          if (pending) void write(pending.diff);
          setPending(undefined);
        }}
      >
        <ul>
          {pending?.risks.map((r) => (
            <li key={r.kind}>{describeRisk(r, admin)}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </fieldset>
  );
}
