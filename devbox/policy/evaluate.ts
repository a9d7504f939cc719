// Candidate selection and evaluation (aidbox-api.md §2.3): global policies plus those linked to
// the request's Client, User or Operation; OR across policies; default deny.
import type { Store } from '../store/types.ts';
import { jsonSchemaMatches } from './json-schema.ts';
import { matcho } from './matcho.ts';
import { isRecord } from './path.ts';
import { sqlMatches } from './sql.ts';
import type { Policy, PolicyRequest, PolicyResult, PolicyRule, RuleResult } from './types.ts';

const MAX_DEPTH = 8; // complex rules nest; a cycle is impossible in JSON, but depth bounds cost

function fail(error: string): RuleResult {
  return { 'eval-result': false, error };
}

export async function evaluateRule(
  store: Store,
  rule: PolicyRule,
  request: PolicyRequest,
  depth = 0,
): Promise<RuleResult> {
  if (depth > MAX_DEPTH) return fail('complex rules nested too deeply');
  switch (rule.engine) {
    case 'allow':
      return { 'eval-result': true };
    case 'matcho':
      if (rule.matcho === undefined) return fail('matcho pattern is missing');
      return { 'eval-result': matcho(rule.matcho, request, request) };
    case 'json-schema': {
      const r = jsonSchemaMatches(rule.schema, request);
      return r.error ? fail(r.error) : { 'eval-result': r.ok };
    }
    case 'sql': {
      const r = await sqlMatches(store, rule.sql, request);
      const out: RuleResult = { 'eval-result': r.ok };
      if (r.query) out.query = r.query;
      if (r.error) out.error = r.error;
      return out;
    }
    case 'complex':
      return evaluateComplex(store, rule, request, depth);
    default:
      return fail(`engine ${JSON.stringify(rule.engine)} is not supported by devbox`);
  }
}

async function evaluateComplex(
  store: Store,
  rule: PolicyRule,
  request: PolicyRequest,
  depth: number,
): Promise<RuleResult> {
  const hasAnd = rule.and !== undefined;
  const hasOr = rule.or !== undefined;
  if (hasAnd === hasOr) return fail('complex needs exactly one of "and" or "or"');
  const subs = hasAnd ? rule.and : rule.or;
  if (!Array.isArray(subs) || subs.length === 0) return fail('"and"/"or" must be a non-empty array');
  const rules: RuleResult[] = [];
  for (const sub of subs) {
    const r = isRecord(sub)
      ? await evaluateRule(store, sub, request, depth + 1)
      : fail('sub-rule must be an object');
    rules.push(r);
    // Short-circuit like Aidbox: and stops at the first false, or at the first true.
    if (hasAnd && !r['eval-result']) return { 'eval-result': false, rules };
    if (hasOr && r['eval-result']) return { 'eval-result': true, rules };
  }
  return { 'eval-result': hasAnd, rules };
}

/** "Client/x" for both link shapes: FHIR {reference} and Aidbox {resourceType, id}. */
export function linkTargets(policy: PolicyRule): string[] | 'global' {
  const link = policy.link;
  if (link === undefined || link === null || (Array.isArray(link) && link.length === 0)) return 'global';
  if (!Array.isArray(link)) return [];
  const out: string[] = [];
  for (const entry of link) {
    if (!isRecord(entry)) continue;
    if (typeof entry.reference === 'string') out.push(entry.reference);
    else if (typeof entry.resourceType === 'string' && typeof entry.id === 'string') {
      out.push(`${entry.resourceType}/${entry.id}`);
    }
  }
  return out;
}

/**
 * `targets` = ["Client/x", "User/y", "Operation/FhirRead"] for this request. Policies with
 * roleName (no Role support in devbox) or a non-rest type (rpc, scope) are never candidates.
 */
export function candidatePolicies(policies: Policy[], targets: string[]): Policy[] {
  const wanted = new Set(targets);
  return policies.filter((p) => {
    if (p.roleName !== undefined) return false;
    if (p.type !== undefined && p.type !== 'rest') return false;
    const linked = linkTargets(p);
    return linked === 'global' || linked.some((t) => wanted.has(t));
  });
}

/** Evaluates in id order. With `all` false it stops at the first allowing policy. */
export async function evaluatePolicies(
  store: Store,
  policies: Policy[],
  request: PolicyRequest,
  all: boolean,
): Promise<{ allowed: boolean; results: PolicyResult[] }> {
  const sorted = [...policies].sort((a, b) => a.id.localeCompare(b.id));
  const results: PolicyResult[] = [];
  let allowed = false;
  for (const p of sorted) {
    const r = await evaluateRule(store, p, request);
    results.push({ id: p.id, engine: String(p.engine), ...r });
    if (r['eval-result']) {
      allowed = true;
      if (!all) break;
    }
  }
  return { allowed, results };
}
