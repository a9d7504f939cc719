/**
 * Pure diffing for Client edits: the merge-patch a save sends (RFC 7396) and the three-way view a
 * version conflict opens. Works on plain JSON values; arrays are compared and replaced whole,
 * because merge-patch has no way to patch inside an array.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Top-level fields a save never writes: server-managed, or write-only credentials. */
const NEVER_PATCHED = new Set(['resourceType', 'id', 'meta', 'secret', '_secret']);

export interface MergePatchOptions {
  /** A secret the user explicitly generated or typed in this edit; the only way `secret` is sent. */
  newSecret?: string;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * The merge-patch turning `loaded` into `edited`: only changed paths, `null` for removed fields.
 * `secret`, `_secret`, `meta`, `id` and `resourceType` are never included (a read secret is a hash
 * or absent; sending it back would overwrite the real one), except `secret` via `newSecret`.
 *
 * @example mergePatch({ name: 'a', secret: 'h' }, { name: 'b' }) // { name: 'b' }
 */
export function mergePatch(
  loaded: JsonObject,
  edited: JsonObject,
  options: MergePatchOptions = {},
): JsonObject {
  const patch = diffObjects(loaded, edited, true);
  if (options.newSecret !== undefined) patch.secret = options.newSecret;
  return patch;
}

function diffObjects(before: JsonObject, after: JsonObject, topLevel: boolean): JsonObject {
  const patch: JsonObject = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (topLevel && NEVER_PATCHED.has(key)) continue;
    const a = before[key];
    const b = after[key];
    if (jsonEqual(a, b)) continue;
    if (b === undefined || b === null) {
      if (a !== undefined && a !== null) patch[key] = null;
    } else if (isJsonObject(a) && isJsonObject(b)) {
      const sub = diffObjects(a, b, false);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else {
      patch[key] = isJsonObject(b) ? stripNulls(b) : b;
    }
  }
  return patch;
}

function stripNulls(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    out[k] = isJsonObject(v) ? stripNulls(v) : v;
  }
  return out;
}

/** RFC 7396 §2 applied to a copy of `target` (used to re-apply an edit on a fresh version). */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

export interface PathChange {
  path: string;
  before: Json | undefined;
  after: Json | undefined;
}

/** Leaf-level changes from `before` to `after` (objects descended, arrays compared whole). */
export function changedPaths(before: JsonObject, after: JsonObject, prefix = ''): PathChange[] {
  const out: PathChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!prefix && key === 'meta') continue;
    const a = before[key];
    const b = after[key];
    if (jsonEqual(a, b)) continue;
    if (isJsonObject(a) && isJsonObject(b)) out.push(...changedPaths(a, b, path));
    else out.push({ path, before: a, after: b });
  }
  return out;
}

export interface ThreeWay {
  /** What the other writer changed since the user loaded the Client. */
  theirs: PathChange[];
  /** What the user changed in their edit. */
  mine: PathChange[];
  /** Paths both touched with different results (including one inside the other). */
  conflicts: string[];
}

/**
 * Compares base (what the user loaded), theirs (the server's current version) and mine (the
 * user's edit) for the conflict view.
 */
export function threeWay(base: JsonObject, theirs: JsonObject, mine: JsonObject): ThreeWay {
  const theirChanges = changedPaths(base, theirs);
  const myChanges = changedPaths(base, mine);
  const conflicts: string[] = [];
  for (const m of myChanges) {
    for (const t of theirChanges) {
      if (!overlaps(m.path, t.path)) continue;
      const same = m.path === t.path && jsonEqual(m.after, t.after);
      if (!same && !conflicts.includes(m.path)) conflicts.push(m.path);
    }
  }
  return { theirs: theirChanges, mine: myChanges, conflicts };
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The user's edit re-applied on top of the server's current version: their changes kept, mine
 * win where both touched the same path. `meta` comes from `theirs`, so the next save carries
 * the fresh versionId.
 */
export function rebaseEdit(base: JsonObject, theirs: JsonObject, mine: JsonObject): JsonObject {
  // Never-patched fields (secret, _secret, meta, id) always come from the fresh version.
  const myPatch = diffObjects(base, mine, true);
  const rebased = applyMergePatch(theirs, myPatch);
  return isJsonObject(rebased) ? rebased : theirs;
}
