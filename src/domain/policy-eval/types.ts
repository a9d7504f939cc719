/**
 * Shapes of the console's own AccessPolicy evaluator (issue 11 §2). A verdict is what Aidbox's
 * `eval-result` would be, or "needs Aidbox" when the rule can only be decided by the server
 * (sql reads the database, rpc and unknown engines are not documented well enough to imitate).
 */
import type { AccessPolicy } from '../../model/access-policy.ts';

/** The request object a policy sees (docs/access-control/authorization/access-policies.md). */
export type RequestObject = Record<string, unknown>;

/**
 * A rule: an AccessPolicy as the model writes it, or one entry of a complex policy's `and`/`or`,
 * which is untrusted JSON of any shape (so every field is read as unknown).
 */
export type PolicyRule = AccessPolicy | Record<string, unknown>;

export interface Decided {
  kind: 'decided';
  result: boolean;
  /** Why an invalid rule evaluated false; an invalid rule never grants access. */
  error?: string;
}

export interface NeedsAidbox {
  kind: 'needs-aidbox';
  /** Plain words: which engine or construct the console cannot decide from the policy text. */
  reason: string;
}

export type Verdict = Decided | NeedsAidbox;

export const decided = (result: boolean, error?: string): Decided =>
  error === undefined ? { kind: 'decided', result } : { kind: 'decided', result, error };

export const needsAidbox = (reason: string): NeedsAidbox => ({ kind: 'needs-aidbox', reason });

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dot paths ("params.resource/type", "user.data.role"): keys may hold "/", only "." separates. */
export function getPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const seg of path.split('.')) {
    if (seg === '') continue;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      cur = Number.isInteger(i) ? (cur as unknown[])[i] : undefined;
    } else if (isRecord(cur)) {
      cur = cur[seg];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Structural equality of JSON values (enum, const, `.path` comparisons). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}
