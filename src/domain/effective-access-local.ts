/**
 * Effective access from the policy text (issue 11 §2): each planned evaluation (policy × request ×
 * Client) decided by the console's own evaluator, with the request object Aidbox would build for
 * that interaction. Pure and synchronous; the audit screens load it lazily with themselves.
 */
import type { EvalOutcome } from './effective-access-cells.ts';
import { requestFor, type Evaluation, type Interaction } from './effective-access.ts';
import { evaluateRule } from './policy-eval/evaluate.ts';
import { buildRequestObject } from './policy-eval/request.ts';
import type { RequestObject } from './policy-eval/types.ts';

/** The request object of one probe request (see `requestFor`) made by `client`, or by no Client. */
export function requestObjectFor(
  resourceType: string,
  interaction: Interaction,
  client?: Record<string, unknown>,
): RequestObject {
  const r = requestFor(resourceType, interaction);
  return buildRequestObject({ method: r['request-method'], path: r.uri, body: r.body, client });
}

/**
 * The console's outcome for one evaluation. `clients` holds the Client resources by id; an
 * evaluation without a Client (the policy cannot depend on it) is made without one, as the server
 * call would be.
 */
export function localOutcome(
  e: Evaluation,
  clients: ReadonlyMap<string, Record<string, unknown>>,
): EvalOutcome {
  const client = e.clientId === undefined ? undefined : clients.get(e.clientId);
  if (e.clientId !== undefined && !client) return `Client ${e.clientId} was not loaded`;
  const v = evaluateRule(e.policy, requestObjectFor(e.resourceType, e.interaction, client));
  return v.kind === 'decided' ? v.result : { needsAidbox: v.reason };
}
