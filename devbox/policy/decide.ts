// One authorization decision: candidates for this identity and operation, then OR evaluation.
// Policies are cached per store under a version key read from the database on every decision
// (max txid and row count of the policy table: any write changes one of them), so a policy
// write is never served stale; if that probe fails, policies are simply re-read.
import type { Identity } from '../auth/identity.ts';
import { tableOf } from '../store/schema.ts';
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

const cache = new WeakMap<Store, { key: string; policies: Policy[] }>();

async function versionKey(store: Store): Promise<string | undefined> {
  try {
    const rows = await store.query(
      `SELECT coalesce(max(txid), 0)::text AS t, count(*)::text AS n FROM ${tableOf('AccessPolicy')}`,
      [],
    );
    const row = rows[0];
    return row ? `${String(row.t)}:${String(row.n)}` : undefined;
  } catch {
    return undefined;
  }
}

export async function loadPolicies(store: Store): Promise<Policy[]> {
  const key = await versionKey(store);
  const hit = cache.get(store);
  if (key !== undefined && hit?.key === key) return hit.policies;
  const policies = (await store.list('AccessPolicy')) as Policy[];
  if (key !== undefined) cache.set(store, { key, policies });
  return policies;
}

export async function decide(
  store: Store,
  identity: Pick<Identity, 'client' | 'user'>,
  request: PolicyRequest,
  all = false,
): Promise<{ allowed: boolean; results: PolicyResult[] }> {
  const policies = await loadPolicies(store);
  const candidates = candidatePolicies(policies, targetsFor(identity, request));
  return evaluatePolicies(store, candidates, request, all);
}
