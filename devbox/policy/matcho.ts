// Aidbox Matcho (HSD:reference/matcho-dsl-reference): a pattern matched against the request
// object. Maps match by inclusion, arrays by ordered prefix, "#…" strings are regexes, "present?",
// "nil?" and "not-blank?" test presence, ".a.b" strings compare with another request field, and
// $enum/$one-of/$contains/$every/$not/$present-all/$length/$reference are special keys.
import { getPath, isRecord } from './path.ts';

function present(v: unknown): boolean {
  return v !== null && v !== undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Primitive comparison: Aidbox compares by value; numbers in query strings arrive as strings. */
function primitiveEqual(pattern: string | number | boolean, subject: unknown): boolean {
  if (subject === pattern) return true;
  if (typeof pattern === 'number' && typeof subject === 'string') return subject === String(pattern);
  return false;
}

function matchString(pattern: string, subject: unknown, root: unknown): boolean {
  if (pattern === 'present?') return present(subject);
  if (pattern === 'nil?') return !present(subject);
  if (pattern === 'not-blank?') return typeof subject === 'string' && subject.trim().length > 0;
  if (pattern.startsWith('#')) {
    if (typeof subject !== 'string' && typeof subject !== 'number') return false;
    try {
      return new RegExp(pattern.slice(1)).test(String(subject));
    } catch {
      return false; // an invalid regex never grants access
    }
  }
  if (pattern.startsWith('.')) {
    // Documented pitfall kept on purpose: absent on both sides counts as a match.
    return deepEqual(getPath(root, pattern.slice(1)), subject);
  }
  return subject === pattern;
}

function parseReference(subject: unknown): unknown {
  const ref = isRecord(subject) ? subject.reference : subject;
  if (typeof ref !== 'string') return subject;
  const [resourceType, id] = ref.split('/');
  return resourceType && id ? { resourceType, id } : subject;
}

function matchSpecial(key: string, arg: unknown, subject: unknown, root: unknown): boolean {
  switch (key) {
    case '$enum':
      return Array.isArray(arg) && arg.some((x) => deepEqual(x, subject));
    case '$one-of':
      return Array.isArray(arg) && arg.some((p) => matcho(p, subject, root));
    case '$contains':
      return Array.isArray(subject) && subject.some((x) => matcho(arg, x, root));
    case '$every':
      return Array.isArray(subject) && subject.every((x) => matcho(arg, x, root));
    case '$not':
      return !matcho(arg, subject, root);
    case '$present-all':
      return (
        Array.isArray(arg) &&
        Array.isArray(subject) &&
        arg.every((want) => subject.some((have) => deepEqual(want, have)))
      );
    case '$length':
      // "checks the length of the array" (matcho-dsl-reference): a string is not an array.
      return Array.isArray(subject) && subject.length === arg;
    case '$reference':
      return matcho(arg, parseReference(subject), root);
    default:
      return false; // unknown operators never grant access
  }
}

/** True when `subject` matches `pattern`; `root` is the whole request (for ".path" references). */
export function matcho(pattern: unknown, subject: unknown, root: unknown = subject): boolean {
  if (pattern === null || pattern === undefined) return !present(subject);
  if (typeof pattern === 'string') return matchString(pattern, subject, root);
  if (typeof pattern === 'number' || typeof pattern === 'boolean') return primitiveEqual(pattern, subject);
  if (Array.isArray(pattern)) {
    if (!Array.isArray(subject) || subject.length < pattern.length) return false;
    return pattern.every((p, i) => matcho(p, subject[i], root));
  }
  if (isRecord(pattern)) {
    // A map pattern with plain keys needs a map subject (strict: {a: "nil?"} does not match null).
    if (!isRecord(subject) && Object.keys(pattern).some((k) => !k.startsWith('$'))) return false;
    for (const [key, sub] of Object.entries(pattern)) {
      if (key.startsWith('$')) {
        if (!matchSpecial(key, sub, subject, root)) return false;
        continue;
      }
      const value = isRecord(subject) ? subject[key] : undefined;
      if (!matcho(sub, value, root)) return false;
    }
    return true;
  }
  return false;
}
