/**
 * A whole authorization decision from the policy text: the candidates for the caller and the
 * operation, each evaluated, OR-ed (access-policies.md: the first policy that evaluates true
 * authorizes; none → 403). "unknown" when no candidate allowed and at least one needs Aidbox:
 * the console then never claims "denied".
 */
import type { PolicyResource } from '../matrix.ts';
import { candidatesFor } from './candidates.ts';
import { evaluateRule } from './evaluate.ts';
import { buildRequestObject, routeOf, type RequestParts } from './request.ts';
import type { RequestObject, Verdict } from './types.ts';

export interface PolicyVerdict {
  id: string;
  engine: string;
  verdict: Verdict;
}

export interface LocalDecision {
  decision: 'allowed' | 'denied' | 'unknown';
  /** Every candidate policy, in the order Aidbox-compatible servers evaluate them (by id). */
  policies: PolicyVerdict[];
  request: RequestObject;
}

export function decideLocally(
  policies: readonly PolicyResource[],
  parts: RequestParts & { clientId?: string | undefined; userId?: string | undefined },
): LocalDecision {
  const request = buildRequestObject(parts);
  const operationId = routeOf(parts.method, parts.path).operationId;
  const candidates = candidatesFor(policies, { clientId: parts.clientId, userId: parts.userId, operationId });
  const out = candidates.map((p) => ({
    id: p.id ?? '',
    engine: typeof p.engine === 'string' ? p.engine : '—',
    verdict: evaluateRule(p, request),
  }));
  const allowed = out.some((p) => p.verdict.kind === 'decided' && p.verdict.result);
  const open = out.some((p) => p.verdict.kind === 'needs-aidbox');
  return { decision: allowed ? 'allowed' : open ? 'unknown' : 'denied', policies: out, request };
}
