// The audit screens read their data through api/audit.ts's auditQueries (keys under the resource
// type, so any Client or policy write elsewhere in the console refreshes them).
import type { AccessPolicy } from '../../model/access-policy.ts';
import type { PolicyResource } from '../../domain/matrix.ts';

export function asPolicies(list: readonly AccessPolicy[]): PolicyResource[] {
  return list as PolicyResource[];
}
