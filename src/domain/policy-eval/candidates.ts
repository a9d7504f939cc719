/**
 * Which policies Aidbox evaluates for a request (access-policies.md, "AccessPolicy links"): the
 * global ones (no link) plus those linked to the request's Client, User or Operation. Link entries
 * are OR-ed, so a policy linked to a Client and an Operation applies to every caller of that
 * Operation. `roleName` policies need the User's Roles and `rpc`/`scope` policies never apply to a
 * REST request, so neither is a candidate here. Sorted by id, the order devbox decides in.
 *
 * The links are indexed once per policy list (a WeakMap on the array): who-can over 10,000 Clients
 * asks for candidates 10,000 times, and re-reading 500 policies' links each time took minutes.
 */
import { toColumn, type PolicyResource } from '../matrix.ts';

export interface Caller {
  clientId?: string | undefined;
  userId?: string | undefined;
  operationId?: string | undefined;
}

interface LinkIndex {
  global: PolicyResource[];
  byTarget: Map<string, PolicyResource[]>;
}

const indexes = new WeakMap<readonly PolicyResource[], LinkIndex>();

function restPolicy(p: PolicyResource): boolean {
  return p.roleName === undefined && (p.type === undefined || p.type === 'rest');
}

function indexOf(policies: readonly PolicyResource[]): LinkIndex {
  const known = indexes.get(policies);
  if (known) return known;
  const index: LinkIndex = { global: [], byTarget: new Map() };
  const add = (target: string, p: PolicyResource) => {
    const list = index.byTarget.get(target);
    if (list) list.push(p);
    else index.byTarget.set(target, [p]);
  };
  for (const p of policies) {
    if (!p.id || !restPolicy(p)) continue;
    const col = toColumn(p);
    if (col.kind === 'global') {
      index.global.push(p);
      continue;
    }
    for (const id of new Set(col.clientIds)) add(`Client/${id}`, p);
    for (const id of new Set(col.userIds)) add(`User/${id}`, p);
    for (const id of new Set(col.operationIds)) add(`Operation/${id}`, p);
  }
  indexes.set(policies, index);
  return index;
}

export function candidatesFor(policies: readonly PolicyResource[], caller: Caller): PolicyResource[] {
  const index = indexOf(policies);
  const out = new Set(index.global);
  const targets = [
    caller.clientId === undefined ? undefined : `Client/${caller.clientId}`,
    caller.userId === undefined ? undefined : `User/${caller.userId}`,
    caller.operationId === undefined ? undefined : `Operation/${caller.operationId}`,
  ];
  for (const t of targets) if (t !== undefined) for (const p of index.byTarget.get(t) ?? []) out.add(p);
  return [...out].sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
}
