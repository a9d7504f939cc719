/**
 * Which policies Aidbox evaluates for a request (access-policies.md, "AccessPolicy links"): the
 * global ones (no link) plus those linked to the request's Client, User or Operation. Link entries
 * are OR-ed, so a policy linked to a Client and an Operation applies to every caller of that
 * Operation. `roleName` policies need the User's Roles and `rpc`/`scope` policies never apply to a
 * REST request, so neither is a candidate here. Sorted by id, the order devbox decides in.
 */
import { toColumn, type PolicyResource } from '../matrix.ts';

export interface Caller {
  clientId?: string | undefined;
  userId?: string | undefined;
  operationId?: string | undefined;
}

function restPolicy(p: PolicyResource): boolean {
  return p.roleName === undefined && (p.type === undefined || p.type === 'rest');
}

export function candidatesFor(policies: readonly PolicyResource[], caller: Caller): PolicyResource[] {
  return policies
    .filter((p) => {
      if (!p.id || !restPolicy(p)) return false;
      const col = toColumn(p);
      if (col.kind === 'global') return true;
      return (
        (caller.clientId !== undefined && col.clientIds.includes(caller.clientId)) ||
        (caller.userId !== undefined && col.userIds.includes(caller.userId)) ||
        (caller.operationId !== undefined && col.operationIds.includes(caller.operationId))
      );
    })
    .sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
}
