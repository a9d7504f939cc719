/**
 * Which staged links need a second look before they are even staged (issue 14 §8). Linking a
 * Client changes what two kinds of policy mean, not just who they cover:
 * - a Global policy has no link and applies to every request; its first Client link narrows it to
 *   the linked Clients, so everyone else silently loses what it grants;
 * - a policy linked to Users or Operations becomes a mixed link, and link entries are OR-ed: it then
 *   applies to the Client *and* to anyone calling the Operation.
 * Both follow aidbox-docs docs/access-control/authorization/access-policies.md, "AccessPolicy links":
 * no link means global; a request is checked against the policies linked to its User, Client and
 * Operation.
 */
import type { MatrixModel, PolicyColumn, PolicyKind } from './matrix.ts';
import type { Staged } from './matrix-staging.ts';

export type GuardedKind = Extract<PolicyKind, 'global' | 'user-or-operation'>;

export interface GuardedLink {
  policy: PolicyColumn & { kind: GuardedKind };
  /** Clients newly staged to be linked to it by this step. */
  clientIds: string[];
}

function guarded(p: PolicyColumn): p is PolicyColumn & { kind: GuardedKind } {
  return p.kind === 'global' || p.kind === 'user-or-operation';
}

/** The guarded policies that `next` links and `before` did not, with the Clients involved. */
export function newGuardedLinks(model: MatrixModel, before: Staged, next: Staged): GuardedLink[] {
  const byId = new Map(model.policies.filter(guarded).map((p) => [p.id, p]));
  const out = new Map<string, GuardedLink>();
  for (const [key, change] of next) {
    if (change.action !== 'link' || before.get(key)?.action === 'link') continue;
    const policy = byId.get(change.policyId);
    if (!policy) continue;
    const entry = out.get(policy.id) ?? { policy, clientIds: [] };
    entry.clientIds.push(change.clientId);
    out.set(policy.id, entry);
  }
  return [...out.values()];
}
