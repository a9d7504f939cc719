/**
 * One AccessPolicy rule against one request object, following docs/access-control/authorization/
 * access-policies.md: `allow` is true; `matcho` and `json-schema` are evaluated from the policy text;
 * `complex` combines its `and` / `or` sub-rules (never both on one level). `sql` reads Aidbox's
 * database, and `rpc` engines or undocumented engines are Aidbox's business: those are "needs Aidbox".
 *
 * Sub-rules are combined in three-valued logic: `and` is false as soon as one sub-rule is false
 * (whatever the undecided ones would say), `or` is true as soon as one is true; otherwise an
 * undecided sub-rule leaves the whole rule to Aidbox.
 */
import { schemaAccepts, UnsupportedSchema } from './json-schema.ts';
import { matches, unknownOperator } from './matcho.ts';
import {
  decided,
  isRecord,
  needsAidbox,
  type PolicyRule,
  type RequestObject,
  type Verdict,
} from './types.ts';

const MAX_DEPTH = 8;

/**
 * Request fields that only a live connection has (test-policy sends none of them, and the console
 * cannot know which headers, token claims, session or address a Client will use).
 */
export const CONNECTION_KEYS = ['headers', 'jwt', 'session', 'remote-addr', 'scheme'] as const;
const CONNECTION = new Set<string>(CONNECTION_KEYS);

/** The first connection field a rule reads (as a key, a required name or a ".jwt…" path), if any. */
export function connectionKey(rule: unknown): string | undefined {
  if (typeof rule === 'string') {
    const name = rule.startsWith('.') ? rule.slice(1).split('.')[0] : rule;
    return name !== undefined && CONNECTION.has(name) ? name : undefined;
  }
  if (Array.isArray(rule)) {
    for (const x of rule) {
      const found = connectionKey(x);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(rule)) return undefined;
  for (const [k, v] of Object.entries(rule)) {
    if (CONNECTION.has(k)) return k;
    const found = connectionKey(v);
    if (found) return found;
  }
  return undefined;
}

function connectionReason(key: string): string {
  return `reads the request's ${key}, which only a live request has`;
}

function evaluateMatcho(rule: PolicyRule, request: RequestObject): Verdict {
  if (rule.matcho === undefined) return decided(false, 'matcho pattern is missing');
  const op = unknownOperator(rule.matcho);
  if (op) return needsAidbox(`matcho key ${op} is not in Aidbox's Matcho reference`);
  const conn = connectionKey(rule.matcho);
  if (conn) return needsAidbox(connectionReason(conn));
  return decided(matches(rule.matcho, request, request));
}

function evaluateSchema(rule: PolicyRule, request: RequestObject): Verdict {
  const conn = connectionKey(rule.schema);
  if (conn) return needsAidbox(connectionReason(conn));
  try {
    return decided(schemaAccepts(rule.schema, request));
  } catch (e) {
    if (e instanceof UnsupportedSchema) return needsAidbox(`json-schema: ${e.message}`);
    throw e;
  }
}

function evaluateComplex(rule: PolicyRule, request: RequestObject, depth: number): Verdict {
  const isAnd = rule.and !== undefined;
  if (isAnd === (rule.or !== undefined)) return decided(false, 'complex needs exactly one of "and" or "or"');
  const subs = isAnd ? rule.and : rule.or;
  if (!Array.isArray(subs) || subs.length === 0)
    return decided(false, '"and"/"or" must be a non-empty array');
  let open: Verdict | undefined;
  for (const sub of subs) {
    const v = isRecord(sub)
      ? evaluateRule(sub, request, depth + 1)
      : decided(false, 'sub-rule must be an object');
    if (v.kind === 'needs-aidbox') open ??= v;
    else if (v.result !== isAnd) return decided(!isAnd);
  }
  return open ?? decided(isAnd);
}

/** The verdict Aidbox's `eval-result` would be, or why only Aidbox can say. */
export function evaluateRule(rule: PolicyRule, request: RequestObject, depth = 0): Verdict {
  if (depth > MAX_DEPTH) return needsAidbox('complex rules nest too deeply');
  switch (rule.engine) {
    case 'allow':
      return decided(true);
    case 'matcho':
      return evaluateMatcho(rule, request);
    case 'json-schema':
      return evaluateSchema(rule, request);
    case 'complex':
      return evaluateComplex(rule, request, depth);
    case 'sql':
      return needsAidbox('sql engine: the query runs in Aidbox’s database');
    default:
      return needsAidbox(
        typeof rule.engine === 'string' ? `engine “${rule.engine}” is evaluated by Aidbox only` : 'no engine',
      );
  }
}
