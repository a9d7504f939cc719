/**
 * Matcho, as docs/reference/matcho-dsl-reference.md describes it: maps match by inclusion (nested),
 * arrays by their elements in the given order (a prefix), strings/numbers/booleans by value,
 * "#…" is a regular expression, "present?" / "nil?" / "not-blank?" test presence, ".a.b" compares
 * with another field of the request, and the special keys $enum, $one-of, $reference, $contains,
 * $every, $not, $present-all and $length.
 *
 * Where the page is silent the console reads it as devbox's strict reading does (and the agreement
 * tests hold the two together): a number pattern also matches the same number sent as a query
 * string ("5"), `.path` matches when both sides are absent (the page's own warning), an invalid
 * regular expression never matches. A special key the page does not document is not guessed at:
 * the pattern is left to Aidbox.
 */
import { getPath, isRecord, jsonEqual } from './types.ts';

export const MATCHO_OPERATORS = [
  '$enum',
  '$one-of',
  '$reference',
  '$contains',
  '$every',
  '$not',
  '$present-all',
  '$length',
] as const;

const KNOWN = new Set<string>(MATCHO_OPERATORS);
/** Operators whose argument is a literal value, not a pattern. */
const LITERAL_ARG = new Set(['$enum', '$present-all', '$length']);

/** The first special key in a pattern that the documentation does not describe, if any. */
export function unknownOperator(pattern: unknown): string | undefined {
  if (Array.isArray(pattern)) {
    for (const p of pattern) {
      const found = unknownOperator(p);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(pattern)) return undefined;
  for (const [key, sub] of Object.entries(pattern)) {
    if (key.startsWith('$') && !KNOWN.has(key)) return key;
    if (LITERAL_ARG.has(key)) continue;
    const found = unknownOperator(sub);
    if (found) return found;
  }
  return undefined;
}

const present = (v: unknown) => v !== null && v !== undefined;

function matchString(pattern: string, subject: unknown, root: unknown): boolean {
  switch (pattern) {
    case 'present?':
      return present(subject);
    case 'nil?':
      return !present(subject);
    case 'not-blank?':
      return typeof subject === 'string' && subject.trim() !== '';
  }
  if (pattern.startsWith('#')) {
    if (typeof subject !== 'string' && typeof subject !== 'number') return false;
    let re: RegExp;
    try {
      re = new RegExp(pattern.slice(1));
    } catch {
      return false;
    }
    return re.test(String(subject));
  }
  if (pattern.startsWith('.')) return jsonEqual(getPath(root, pattern.slice(1)), subject);
  return subject === pattern;
}

/** "Patient/pid" or {reference: "Patient/pid"} → {resourceType: "Patient", id: "pid"}. */
function asReference(subject: unknown): unknown {
  const ref = isRecord(subject) ? subject.reference : subject;
  if (typeof ref !== 'string') return subject;
  const [resourceType, id] = ref.split('/');
  return resourceType && id ? { resourceType, id } : subject;
}

function matchOperator(op: string, arg: unknown, subject: unknown, root: unknown): boolean {
  switch (op) {
    case '$enum':
      return Array.isArray(arg) && arg.some((v) => jsonEqual(v, subject));
    case '$one-of':
      return Array.isArray(arg) && arg.some((p) => matches(p, subject, root));
    case '$reference':
      return matches(arg, asReference(subject), root);
    case '$contains':
      return Array.isArray(subject) && subject.some((item) => matches(arg, item, root));
    case '$every':
      return Array.isArray(subject) && subject.every((item) => matches(arg, item, root));
    case '$not':
      return !matches(arg, subject, root);
    case '$present-all':
      return (
        Array.isArray(arg) &&
        Array.isArray(subject) &&
        arg.every((want) => subject.some((have) => jsonEqual(want, have)))
      );
    case '$length':
      return Array.isArray(subject) && subject.length === arg;
    default:
      return false;
  }
}

/**
 * Whether `subject` matches `pattern`; `root` is the whole request object (for ".path" strings).
 * Call `unknownOperator` first: an undocumented special key is not a match here.
 */
export function matches(pattern: unknown, subject: unknown, root: unknown = subject): boolean {
  if (pattern === null || pattern === undefined) return !present(subject);
  if (typeof pattern === 'string') return matchString(pattern, subject, root);
  if (typeof pattern === 'number' || typeof pattern === 'boolean') {
    return (
      subject === pattern ||
      (typeof pattern === 'number' && typeof subject === 'string' && subject === String(pattern))
    );
  }
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(subject) &&
      subject.length >= pattern.length &&
      pattern.every((p, i) => matches(p, subject[i], root))
    );
  }
  if (!isRecord(pattern)) return false;
  const keys = Object.keys(pattern);
  // Plain keys look inside the subject, so it must be a map; special keys apply to the subject itself.
  if (!isRecord(subject) && keys.some((k) => !k.startsWith('$'))) return false;
  return keys.every((key) =>
    key.startsWith('$')
      ? matchOperator(key, pattern[key], subject, root)
      : matches(pattern[key], isRecord(subject) ? subject[key] : undefined, root),
  );
}
