// The apply flow: risks to confirm → one transaction → on a version conflict, re-read the changed
// policies, re-apply only the user's intents and ask again. Nothing here ever retries silently.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyPolicyTransaction, fetchPoliciesByIds, policyQueries } from '../../api/policies.ts';
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
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });

  async function send(bundle: TransactionBundle, base: Base, diffs: PolicyDiff[]) {
    setState({ phase: 'applying' });
    try {
      await applyPolicyTransaction(bundle);
      setState({ phase: 'idle' });
      options.onApplied(countLinks(diffs), bundle.entry.length);
      await queryClient.invalidateQueries({ queryKey: policyQueries.all() });
    } catch (error) {
      if (!isAidboxError(error) || error.kind !== 'conflict') {
        setState({ phase: 'failed', error });
        return;
      }
      try {
        const fresh = await fetchPoliciesByIds(diffs.map((d) => d.policyId));
        const result = rebase(base, fresh, diffs);
        const risks = findRisks(fresh, result.diffs, options.admin);
        options.onRebased(result.diffs);
        setState({ phase: 'conflict', result, fresh, risks });
        // The grid shows the fresh server state behind the dialog.
        void queryClient.invalidateQueries({ queryKey: policyQueries.all() });
      } catch (reloadError) {
        setState({ phase: 'failed', error: reloadError });
      }
    }
  }

  /** Starts an apply of `diffs` over the policies as last read (`base`). */
  const start = (base: Base, diffs: PolicyDiff[]) => {
    const bundle = buildTransaction(base, diffs);
    const risks = findRisks(base, diffs, options.admin);
    if (risks.length > 0) setState({ phase: 'confirm-risks', risks, bundle, base, diffs });
    else void send(bundle, base, diffs);
  };
  const confirm = () => {
    if (state.phase === 'confirm-risks') void send(state.bundle, state.base, state.diffs);
    if (state.phase === 'conflict') {
      if (state.result.bundle.entry.length === 0) setState({ phase: 'idle' });
      else void send(state.result.bundle, state.fresh, state.result.diffs);
    }
  };
  const dismiss = () => setState({ phase: 'idle' });
  return { state, start, confirm, dismiss };
}
