/**
 * Turning staged matrix changes into one transaction Bundle (all or nothing, `ifMatch` per policy),
 * re-applying them after a version conflict, and spotting changes an admin must confirm first.
 */
import { applyLinkChanges, parseLink, type LinkRef, type PolicyResource } from './matrix.ts';
import type { PolicyDiff } from './matrix-staging.ts';

export interface TransactionEntry {
  resource: PolicyResource;
  request: { method: 'PUT'; url: string; ifMatch: string };
}

export interface TransactionBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  entry: TransactionEntry[];
}

function clientIds(links: readonly LinkRef[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const ref of links ?? []) {
    const parsed = parseLink(ref);
    if (parsed?.[0] === 'Client') out.add(parsed[1]);
  }
  return out;
}

/** The policy with its new link list; `meta` is left to the server, an empty list means no `link`. */
export function withLinks(policy: PolicyResource, diff: PolicyDiff): PolicyResource {
  const { meta: _meta, link: _link, ...rest } = policy;
  const link = applyLinkChanges(policy.link ?? [], diff.add, diff.remove);
  return link.length > 0 ? { ...rest, link } : rest;
}

/**
 * One PUT per changed policy, each guarded by the version it was read at (a missing version can
 * only come from a server that sent none; `*` then still refuses to re-create a deleted policy).
 */
export function buildTransaction(
  resources: ReadonlyMap<string, PolicyResource | undefined>,
  diffs: readonly PolicyDiff[],
): TransactionBundle {
  const entry: TransactionEntry[] = [];
  for (const diff of diffs) {
    const policy = resources.get(diff.policyId);
    if (!policy || (diff.add.length === 0 && diff.remove.length === 0)) continue;
    const version = policy.meta?.versionId;
    entry.push({
      resource: withLinks(policy, diff),
      request: {
        method: 'PUT',
        url: `AccessPolicy/${encodeURIComponent(diff.policyId)}`,
        ifMatch: version ? `W/"${version}"` : '*',
      },
    });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

export interface PolicyRebase {
  policyId: string;
  /** `deleted`: gone on the server, the user's changes to it are dropped */
  status: 'changed-by-others' | 'unchanged' | 'deleted';
  /** Client links someone else added / removed since the user's base version */
  theirAdded: string[];
  theirRemoved: string[];
  /** someone else also changed something besides Client links (engine, rules, User/Operation links) */
  otherFieldsChanged: boolean;
  /** the user's intents that still change something, re-applied onto the fresh link list */
  add: string[];
  remove: string[];
  /** the user's intents the fresh version already satisfies */
  alreadyDone: string[];
}

export interface RebaseResult {
  report: PolicyRebase[];
  diffs: PolicyDiff[];
  bundle: TransactionBundle;
}

function withoutVersionAndLinks(p: PolicyResource): string {
  const { meta: _m, link, ...rest } = p;
  const nonClient = (link ?? []).filter((ref) => parseLink(ref)?.[0] !== 'Client');
  return JSON.stringify(rest, Object.keys(rest).sort()) + JSON.stringify(nonClient);
}

/**
 * Re-applies only the user's intended additions and removals onto the fresh policies: what someone
 * else linked or unlinked in the meantime survives, and intents already satisfied are reported
 * instead of sent. `fresh` maps each changed policy id to its current version, or undefined if deleted.
 */
export function rebase(
  base: ReadonlyMap<string, PolicyResource>,
  fresh: ReadonlyMap<string, PolicyResource | undefined>,
  diffs: readonly PolicyDiff[],
): RebaseResult {
  const report: PolicyRebase[] = [];
  const remaining: PolicyDiff[] = [];
  for (const diff of diffs) {
    const before = base.get(diff.policyId);
    const now = fresh.get(diff.policyId);
    if (!now) {
      report.push({
        policyId: diff.policyId,
        status: 'deleted',
        theirAdded: [],
        theirRemoved: [],
        otherFieldsChanged: false,
        add: [],
        remove: [],
        alreadyDone: [],
      });
      continue;
    }
    const was = clientIds(before?.link);
    const is = clientIds(now.link);
    const theirAdded = [...is].filter((c) => !was.has(c));
    const theirRemoved = [...was].filter((c) => !is.has(c));
    const add = diff.add.filter((c) => !is.has(c));
    const remove = diff.remove.filter((c) => is.has(c));
    const alreadyDone = [...diff.add.filter((c) => is.has(c)), ...diff.remove.filter((c) => !is.has(c))];
    const otherFieldsChanged = before ? withoutVersionAndLinks(before) !== withoutVersionAndLinks(now) : true;
    const changed =
      theirAdded.length > 0 ||
      theirRemoved.length > 0 ||
      otherFieldsChanged ||
      before?.meta?.versionId !== now.meta?.versionId;
    report.push({
      policyId: diff.policyId,
      status: changed ? 'changed-by-others' : 'unchanged',
      theirAdded,
      theirRemoved,
      otherFieldsChanged,
      add,
      remove,
      alreadyDone,
    });
    if (add.length > 0 || remove.length > 0) remaining.push({ policyId: diff.policyId, add, remove });
  }
  return { report, diffs: remaining, bundle: buildTransaction(fresh, remaining) };
}

export type RiskKind = 'self-unlink' | 'narrows-global' | 'becomes-global';

export interface AccessRisk {
  policyId: string;
  kind: RiskKind;
}

export interface SignedInAdmin {
  /** the console's own Client id (config.json) */
  consoleClientId: string;
  /** the signed-in User id */
  userId: string;
}

/**
 * Changes an admin must confirm: removing the console's own Client from a policy that links it,
 * linking a global policy (it stops applying to everyone, the admin included) unless it stays
 * reachable through the console Client or the admin User, and unlinking the last entry (the
 * policy becomes global and applies to every request).
 */
export function findRisks(
  resources: ReadonlyMap<string, PolicyResource>,
  diffs: readonly PolicyDiff[],
  admin: SignedInAdmin,
): AccessRisk[] {
  const risks: AccessRisk[] = [];
  for (const diff of diffs) {
    const policy = resources.get(diff.policyId);
    if (!policy) continue;
    const before = policy.link ?? [];
    const after = applyLinkChanges(before, diff.add, diff.remove);
    const reachesAdmin = (links: readonly LinkRef[]) =>
      links.some((ref) => {
        const p = parseLink(ref);
        return (
          (p?.[0] === 'Client' && p[1] === admin.consoleClientId) ||
          (p?.[0] === 'User' && p[1] === admin.userId)
        );
      });
    if (before.length === 0 && after.length > 0) {
      if (!reachesAdmin(after)) risks.push({ policyId: diff.policyId, kind: 'narrows-global' });
    } else if (reachesAdmin(before) && !reachesAdmin(after) && after.length > 0) {
      risks.push({ policyId: diff.policyId, kind: 'self-unlink' });
    }
    if (before.length > 0 && after.length === 0)
      risks.push({ policyId: diff.policyId, kind: 'becomes-global' });
  }
  return risks;
}

export function describeRisk(risk: AccessRisk, admin: SignedInAdmin): string {
  switch (risk.kind) {
    case 'self-unlink':
      return `${risk.policyId}: unlinks the console's own Client (${admin.consoleClientId}). The access you are using right now may end when this is applied.`;
    case 'narrows-global':
      return `${risk.policyId} is global today, so it applies to every request, yours included. Linking it limits it to the linked Clients.`;
    case 'becomes-global':
      return `${risk.policyId} would have no link left and become global: it would apply to every request from every Client and User.`;
  }
}
