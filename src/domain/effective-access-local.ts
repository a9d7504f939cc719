/**
 * Effective access from the policy text (issue 11 §2): each planned evaluation (policy × request ×
 * Client) decided by the console's own evaluator, with the request object Aidbox would build for
 * that interaction. Pure and synchronous; the audit screens load it lazily with themselves.
 */
import type { EvalOutcome } from './effective-access-cells.ts';
import { requestFor, type Evaluation, type Interaction } from './effective-access.ts';
import { evaluateRule } from './policy-eval/evaluate.ts';
import { buildRequestObject } from './policy-eval/request.ts';
import { getPath, type RequestObject } from './policy-eval/types.ts';

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

/**
 * The evaluations that only Aidbox can decide and that still matter: read by a cell that no
 * locally decided policy already allows (one true candidate settles a cell, whatever the others say).
 */
export function neededFromAidbox(
  cells: Iterable<{ keys: readonly string[] }>,
  results: ReadonlyMap<string, EvalOutcome>,
): Set<string> {
  const needed = new Set<string>();
  for (const c of cells) {
    if (c.keys.some((k) => results.get(k) === true)) continue;
    for (const k of c.keys) {
      const r = results.get(k);
      if (typeof r === 'object') needed.add(k);
    }
  }
  return needed;
}

const PLACEHOLDER = /\{\{\s*!?\s*([^{}]+?)\s*\}\}/g;

/**
 * Evaluations that must give the same answer share a key. An sql policy sees the request only
 * through its `{{path}}` placeholders (access-policies.md, "Interpolation Rules"), so requests that
 * agree on those values get one server call: 20 types × 6 interactions become one call per type.
 */
export function serverKey(e: Evaluation, request: RequestObject): string {
  const query = (e.policy.sql as { query?: unknown } | undefined)?.query;
  if (e.policy.engine !== 'sql' || typeof query !== 'string') return e.key;
  const values = [...query.matchAll(PLACEHOLDER)].map((m) => getPath(request, m[1] ?? ''));
  return `${e.policy.id ?? ''}@${e.policy.meta?.versionId ?? '?'}|sql|${JSON.stringify(values)}`;
}

/**
 * Which locally decided evaluations to cross-check against Aidbox: every policy once (its first
 * evaluation), then evenly spread others, at most `max` in all. Deterministic, so a re-run checks
 * the same sample and the reviewer can reproduce a finding.
 */
export function crossCheckSample(
  plan: readonly Evaluation[],
  results: ReadonlyMap<string, EvalOutcome>,
  max: number,
): Evaluation[] {
  const decided = plan.filter((e) => typeof results.get(e.key) === 'boolean');
  const chosen = new Map<string, Evaluation>();
  const seenPolicy = new Set<string>();
  for (const e of decided) {
    if (chosen.size >= max) break;
    const id = e.policy.id ?? '';
    if (seenPolicy.has(id)) continue;
    seenPolicy.add(id);
    chosen.set(e.key, e);
  }
  const step = Math.max(1, Math.floor(decided.length / Math.max(1, max - chosen.size)));
  for (let i = 0; i < decided.length && chosen.size < max; i += step) {
    const e = decided[i] as Evaluation;
    chosen.set(e.key, e);
  }
  for (const e of decided) {
    if (chosen.size >= max) break;
    chosen.set(e.key, e);
  }
  return [...chosen.values()];
}
