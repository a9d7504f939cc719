/**
 * Effective access from the policy text (issue 11 §2): each planned evaluation (policy × request ×
 * Client) decided by the console's own evaluator, with the request object Aidbox would build for
 * that interaction. Pure and synchronous; the audit screens load it lazily with themselves.
 */
import type { EvalOutcome } from './effective-access-cells.ts';
import { requestFor, type Evaluation, type Interaction } from './effective-access.ts';
import { evaluateRule } from './policy-eval/evaluate.ts';
import { buildRequestObject } from './policy-eval/request.ts';
import { getPath, isRecord, type RequestObject } from './policy-eval/types.ts';

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
 * call would be. `requests`, when given, keeps the request objects between calls: a run's
 * thousands of evaluations share a few hundred requests (type × interaction × Client), and the
 * evaluator only reads them.
 */
export function localOutcome(
  e: Evaluation,
  clients: ReadonlyMap<string, Record<string, unknown>>,
  requests?: Map<string, RequestObject>,
): EvalOutcome {
  const client = e.clientId === undefined ? undefined : clients.get(e.clientId);
  if (e.clientId !== undefined && !client) return `Client ${e.clientId} was not loaded`;
  const memo = `${e.resourceType}|${e.interaction}|${e.clientId ?? ''}`;
  let request = requests?.get(memo);
  if (!request) {
    request = requestObjectFor(e.resourceType, e.interaction, client);
    requests?.set(memo, request);
  }
  const v = evaluateRule(e.policy, request);
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
 * What a rule's answer can depend on, as text: an sql rule sees the request only through its
 * `{{path}}` placeholders (access-policies.md, "Interpolation Rules"); a rule the console decides
 * contributes its verdict; `complex` combines its parts. undefined when some part is neither.
 */
function dependence(rule: Record<string, unknown>, request: RequestObject, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (rule.engine === 'sql') {
    const query = (rule.sql as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return undefined;
    return JSON.stringify([...query.matchAll(PLACEHOLDER)].map((m) => getPath(request, m[1] ?? '') ?? null));
  }
  if (rule.engine === 'complex') {
    const subs = rule.and ?? rule.or;
    if (!Array.isArray(subs)) return undefined;
    const parts: string[] = [];
    for (const sub of subs) {
      const d = isRecord(sub) ? dependence(sub, request, depth + 1) : undefined;
      if (d === undefined) return undefined;
      parts.push(d);
    }
    return `(${parts.join(',')})`;
  }
  const v = evaluateRule(rule, request);
  return v.kind === 'decided' ? String(v.result) : undefined;
}

/**
 * Evaluations that must give the same answer share a key, so Aidbox is asked once for them: an sql
 * policy whose placeholders read only the resource type needs one call per type, not one per
 * (type × interaction × Client); a complex one likewise once its other parts are decided.
 */
export function serverKey(e: Evaluation, request: RequestObject): string {
  const d = dependence(e.policy, request);
  return d === undefined ? e.key : `${e.policy.id ?? ''}@${e.policy.meta?.versionId ?? '?'}|${d}`;
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
