/**
 * Field-level diff between two versions of a Client or AccessPolicy, and the merge patch that
 * restores an older version (issue 7 §5). Secrets never leave this module as values: a changed
 * `secret` (a hash, or plaintext on a server that stores it so) shows only as "secret changed".
 */

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dot path; array items of objects by index, e.g. `link[1].reference`. */
  path: string;
  kind: ChangeKind;
  /** JSON text of the old and new value; absent for secrets and for the missing side. */
  before?: string;
  after?: string;
  /** True for secret fields: the values are withheld, only the fact of the change is told. */
  masked: boolean;
}

/** Keys whose values are credentials (or their hashes) at any depth. */
const SECRET_KEYS = new Set(['secret', 'password', 'client_secret']);
/** Bookkeeping every version differs in; never part of a diff or a restore. */
const IGNORED_TOP = new Set(['meta', 'resourceType', 'id']);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLeafArray(v: Json[]): boolean {
  return v.every((x) => !isObject(x) && !Array.isArray(x));
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** Differences from `older` to `newer`, in a stable order (paths of `older` first, then additions). */
export function diffVersions(older: Json, newer: Json): FieldChange[] {
  const out: FieldChange[] = [];
  walk(older, newer, '', '', out);
  return out;
}

function walk(a: Json, b: Json, path: string, key: string, out: FieldChange[]): void {
  const masked = isSecretKey(key);
  if (masked) {
    if (!same(a, b)) {
      out.push({ path, kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', masked });
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      if (path === '' && IGNORED_TOP.has(k)) continue;
      walk(a[k], b[k], path ? `${path}.${k}` : k, k, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !(isLeafArray(a) && isLeafArray(b))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, '', out);
    return;
  }
  if (same(a, b)) return;
  if (a === undefined) out.push({ path, kind: 'added', after: show(b), masked: false });
  else if (b === undefined) out.push({ path, kind: 'removed', before: show(a), masked: false });
  else out.push({ path, kind: 'changed', before: show(a), after: show(b), masked: false });
}

/** Values shown in a diff; secrets nested inside a shown object are replaced too. */
function show(v: Json): string {
  return JSON.stringify(v, (k, value: unknown) => (k && isSecretKey(k) ? '(secret withheld)' : value));
}

/**
 * The merge patch (RFC 7396) that turns `current` back into `target`, leaving secrets alone: a
 * secret is never sent back (it would be a hash, and Aidbox would hash it again), so a restored
 * Client keeps its current secret. Arrays are replaced whole, as merge patch does.
 */
export function restorePatch(target: Json, current: Json): Record<string, Json> {
  return isObject(target) && isObject(current) ? mergeDiff(target, current, true) : {};
}

function mergeDiff(
  target: Record<string, Json>,
  current: Record<string, Json>,
  top: boolean,
): Record<string, Json> {
  const patch: Record<string, Json> = {};
  for (const k of new Set([...Object.keys(current), ...Object.keys(target)])) {
    if ((top && IGNORED_TOP.has(k)) || isSecretKey(k)) continue;
    const t = target[k];
    const c = current[k];
    if (same(t, c)) continue;
    if (t === undefined) patch[k] = null;
    else if (isObject(t) && isObject(c)) {
      const sub = mergeDiff(t, c, false);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else patch[k] = stripSecrets(t);
  }
  return patch;
}

function stripSecrets(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripSecrets);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !isSecretKey(k))
      .map(([k, x]) => [k, stripSecrets(x)]),
  );
}

/** Whether a restore would leave the secret different from the target version's. */
export function secretDiffers(target: Json, current: Json): boolean {
  return isObject(target) && isObject(current) && !same(target.secret, current.secret);
}
