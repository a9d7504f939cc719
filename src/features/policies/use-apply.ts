// The apply flow: risks to confirm → a fresh read of the changed policies (a changed version goes
// straight to the conflict step, whatever the server does with `ifMatch` in transactions) → one
// transaction → each written policy's history is checked for a change our write replaced (a server
// may ignore `ifMatch` in transaction entries; Aidbox does not document it), and the admin is told
// exactly which and can restore it. On a version conflict: re-read, re-apply only the user's
// intents and ask again. Nothing here ever retries silently.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  fetchPoliciesByIds,
  fetchPolicyHistory,
  policyMutations,
  refreshPolicies,
} from '../../api/policies.ts';
import { isAidboxError } from '../../api/errors.ts';
import type { PolicyResource } from '../../domain/matrix.ts';
import {
  buildTransaction,
  findRisks,
  rebase,
  type AccessRisk,
  type RebaseResult,
  type SignedInAdmin,
  type TransactionBundle,
} from '../../domain/matrix-apply.ts';
import type { PolicyDiff } from '../../domain/matrix-staging.ts';
import { changedSince, findOverwrites, type Overwrite } from '../../domain/matrix-verify.ts';

export type ApplyState =
  | { phase: 'idle' }
  | {
      phase: 'confirm-risks';
      risks: AccessRisk[];
      bundle: TransactionBundle;
      base: Base;
      diffs: PolicyDiff[];
    }
  | { phase: 'applying' }
  | { phase: 'conflict'; result: RebaseResult; fresh: Base; risks: AccessRisk[] }
  /** applied, but it replaced someone's change (`overwrites`), or the check itself failed (`unverified`) */
  | {
      phase: 'overwritten';
      overwrites: Overwrite[];
      restore: TransactionBundle;
      current: Base;
      unverified: unknown;
    }
  | { phase: 'failed'; error: unknown };

type Base = ReadonlyMap<string, PolicyResource>;

export interface ApplyOptions {
  admin: SignedInAdmin;
  /** called after a successful write with the number of changed links and policies */
  onApplied: (links: number, policies: number) => void;
  /** after a conflict re-read: the user's remaining intents, to restage them */
  onRebased: (diffs: PolicyDiff[]) => void;
}

function countLinks(bundleDiffs: readonly PolicyDiff[]): number {
  return bundleDiffs.reduce((n, d) => n + d.add.length + d.remove.length, 0);
}

export function useApply(options: ApplyOptions) {
  const queryClient = useQueryClient();
  // A successful transaction refreshes the policies through the mutation's meta.
  const transaction = useMutation(policyMutations.transaction());
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });

  function toConflict(base: Base, fresh: Base, diffs: PolicyDiff[]) {
    const result = rebase(base, fresh, diffs);
    const risks = findRisks(fresh, result.diffs, options.admin);
    options.onRebased(result.diffs);
    setState({ phase: 'conflict', result, fresh, risks });
    // The grid shows the fresh server state behind the dialog.
    void refreshPolicies(queryClient);
  }

  /** Reads each written policy's history; an overwrite is reported with what restores it. */
  async function verify(base: Base, written: Map<string, string | undefined>) {
    try {
      const ids = [...written.keys()];
      const histories = new Map(
        await Promise.all(ids.map(async (id) => [id, await fetchPolicyHistory(id)] as const)),
      );
      const overwrites = findOverwrites(base, written, histories);
      if (overwrites.length === 0) return undefined;
      const current = new Map(
        ids.flatMap((id) => {
          const newest = histories.get(id)?.[0];
          return newest ? [[id, newest] as const] : [];
        }),
      );
      const restore = buildTransaction(
        current,
        overwrites.map((o) => o.restore),
      );
      return { phase: 'overwritten' as const, overwrites, restore, current, unverified: undefined };
    } catch (error) {
      return {
        phase: 'overwritten' as const,
        overwrites: [],
        restore: buildTransaction(new Map(), []),
        current: new Map(),
        unverified: error,
      };
    }
  }

  async function send(bundle: TransactionBundle, base: Base, diffs: PolicyDiff[]) {
    setState({ phase: 'applying' });
    try {
      const ids = diffs.map((d) => d.policyId);
      const now = await fetchPoliciesByIds(ids);
      if (changedSince(base, now, ids).length > 0) {
        toConflict(base, now, diffs);
        return;
      }
      const written = await transaction.mutateAsync(bundle);
      options.onApplied(countLinks(diffs), bundle.entry.length);
      setState((await verify(base, written)) ?? { phase: 'idle' });
    } catch (error) {
      if (!isAidboxError(error) || error.kind !== 'conflict') {
        setState({ phase: 'failed', error });
        return;
      }
      try {
        toConflict(base, await fetchPoliciesByIds(diffs.map((d) => d.policyId)), diffs);
      } catch (reloadError) {
        setState({ phase: 'failed', error: reloadError });
      }
    }
  }

  /** Starts an apply of `diffs` over the policies as last read (`base`). */
  const start = (base: Base, diffs: PolicyDiff[]) => {
    const bundle = buildTransaction(base, diffs);
    const risks = findRisks(base, diffs, options.admin);
    // An unlink takes access away: it is confirmed with what each Client loses (issue 14 §6).
    const unlinks = diffs.some((d) => d.remove.length > 0);
    if (risks.length > 0 || unlinks) setState({ phase: 'confirm-risks', risks, bundle, base, diffs });
    else void send(bundle, base, diffs);
  };
  const confirm = () => {
    if (state.phase === 'confirm-risks') void send(state.bundle, state.base, state.diffs);
    if (state.phase === 'overwritten') {
      // Restore their Client-link changes over what we wrote, guarded by the versions just read.
      if (state.restore.entry.length === 0) setState({ phase: 'idle' });
      else
        void send(
          state.restore,
          state.current,
          state.overwrites.map((o) => o.restore),
        );
    }
    if (state.phase === 'conflict') {
      if (state.result.bundle.entry.length === 0) setState({ phase: 'idle' });
      else void send(state.result.bundle, state.fresh, state.result.diffs);
    }
  };
  const dismiss = () => setState({ phase: 'idle' });
  return { state, start, confirm, dismiss };
}
