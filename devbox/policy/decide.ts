// One authorization decision: candidates for this identity and operation, then OR evaluation.
// Policies are re-read per decision, so a policy write is never served stale.
import type { Identity } from '../auth/identity.ts';
import type { Store } from '../store/types.ts';
import { candidatePolicies, evaluatePolicies } from './evaluate.ts';
import type { Policy, PolicyRequest, PolicyResult } from './types.ts';

export function targetsFor(identity: Pick<Identity, 'client' | 'user'>, request: PolicyRequest): string[] {
  const targets: string[] = [];
  if (identity.client) targets.push(`Client/${identity.client.id}`);
  if (identity.user) targets.push(`User/${identity.user.id}`);
  const op = request.operation as { id?: unknown } | undefined;
  if (op && typeof op.id === 'string') targets.push(`Operation/${op.id}`);
  return targets;
}

export async function decide(
  store: Store,
  identity: Pick<Identity, 'client' | 'user'>,
  request: PolicyRequest,
  all = false,
): Promise<{ allowed: boolean; results: PolicyResult[] }> {
  const policies = (await store.list('AccessPolicy')) as Policy[];
  const candidates = candidatePolicies(policies, targetsFor(identity, request));
  return evaluatePolicies(store, candidates, request, all);
}
