/**
 * The one JSON diff and merge-patch module (issue 13 §4): what a Client save sends (RFC 7396), the
 * re-application of an edit onto a newer version, the patch that restores an old version, and the
 * field-level changes every change table shows. One never-sent rule covers all of them: credentials
 * (`secret`, `_secret`, `password`, `client_secret`) and the private members of a JWK, at any depth.
 * A read secret is a hash or a vault reference; sending it back would overwrite the real one, and a
 * private key must never leave the browser (docs: security.md §5).
 */
import type { JsonObject, JsonValue } from '../model/json.ts';

/** Credentials and their hashes or vault references, in any object at any depth (any letter case). */
const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(['secret', '_secret', 'password', 'client_secret']);
/** RFC 7518 §6.2.2, §6.3.2, §6.4.1: the private parts of EC, RSA and symmetric keys. */
const PRIVATE_JWK_MEMBERS: ReadonlySet<string> = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);
/** Server bookkeeping at the top of a resource: never patched, never shown as a change. */
const SERVER_MANAGED: ReadonlySet<string> = new Set(['resourceType', 'id', 'meta']);

/** Shown in place of a never-sent value nested inside a value a change table prints. */
export const WITHHELD = '(secret withheld)';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality; an absent member equals an `undefined` one. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** A JWK is an object with a string `kty` (RFC 7517 §4.1: the one required member). */
function isJwk(value: JsonValue | undefined): boolean {
  return isJsonObject(value) && typeof value.kty === 'string';
}

/** Whether `key` of an object (before or after a change) is a value the console never sends. */
export function isNeverSent(key: string, ...parents: readonly (JsonValue | undefined)[]): boolean {
  return CREDENTIAL_KEYS.has(key.toLowerCase()) || (PRIVATE_JWK_MEMBERS.has(key) && parents.some(isJwk));
}

// Own properties only: a `__proto__` key read from JSON is data, never the prototype.
function put(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mapMembers(value: JsonObject, keep: (k: string, v: JsonValue) => JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = keep(k, v);
    if (kept !== undefined) put(out, k, kept);
  }
  return out;
}

/** A copy without never-sent members, at any depth (array items included). */
export function withoutNeverSent(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNeverSent);
  if (!isJsonObject(value)) return value;
  return mapMembers(value, (k, v) => (isNeverSent(k, value) ? undefined : withoutNeverSent(v)));
}

/**
 * A value as a merge patch can carry it: no never-sent members, and no `null` members in objects
 * (in a patch they mean "remove", so a new object cannot hold them). Arrays are sent whole.
 */
export function sendable(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNeverSent);
  if (!isJsonObject(value)) return value;
  return mapMembers(value, (k, v) => (v === null || isNeverSent(k, value) ? undefined : sendable(v)));
}

/**
 * The merge patch (RFC 7396) turning `before` into `after`: only changed members, `null` for removed
 * ones. Never-sent members and `resourceType`, `id`, `meta` are never in it, so what the server holds
 * for them survives; an array is replaced whole (merge patch cannot reach inside one). A new secret
 * is written only by rotation's own patch (secret-impact.ts `rotationPatch`), never by a diff.
 *
 * @example mergePatch({ name: 'a', secret: 'hash' }, { name: 'b' }) // { name: 'b' }
 */
export function mergePatch(before: JsonObject, after: JsonObject): JsonObject {
  return diffObject(before, after, true);
}

function diffObject(before: JsonObject, after: JsonObject, top: boolean): JsonObject {
  const patch: JsonObject = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (top && SERVER_MANAGED.has(key)) continue;
    if (isNeverSent(key, before, after)) {
      // Never a value. A private JWK member goes with its key: removed once the object is no JWK.
      if (!isNeverSent(key, after) && after[key] == null && before[key] != null) put(patch, key, null);
      continue;
    }
    const a = before[key];
    const b = after[key];
    if (b === undefined || b === null) {
      if (a !== undefined && a !== null) put(patch, key, null);
    } else if (isJsonObject(a) && isJsonObject(b)) {
      const sub = diffObject(a, b, false);
      if (Object.keys(sub).length > 0) put(patch, key, sub);
    } else if (a === undefined || !jsonEqual(sendable(a), sendable(b))) {
      put(patch, key, sendable(b));
    }
  }
  return patch;
}

/** RFC 7396 §2 applied to a copy of `target`. */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? mapMembers(target, (_, v) => v) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else put(result, key, applyMergePatch(result[key], value));
  }
  return result;
}

/**
 * The user's edit re-applied on top of the server's newer version: their changes kept, mine win
 * where both touched a member. Never-sent members and `meta` come from `theirs`, so the next save
 * carries the fresh versionId.
 */
export function rebaseEdit(base: JsonObject, theirs: JsonObject, mine: JsonObject): JsonObject {
  const rebased = applyMergePatch(theirs, mergePatch(base, mine));
  return isJsonObject(rebased) ? rebased : theirs;
}

/** The patch that turns `current` back into `target` (history restore); secrets stay as they are. */
export function restorePatch(target: JsonObject, current: JsonObject): JsonObject {
  return mergePatch(current, target);
}

/** Whether a restore would leave the secret (or its vault reference) unlike the target version's. */
export function secretDiffers(target: JsonObject, current: JsonObject): boolean {
  return !jsonEqual(target.secret, current.secret) || !jsonEqual(target._secret, current._secret);
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dot path; items of arrays of objects by index, e.g. `link[1].reference`. */
  path: string;
  kind: ChangeKind;
  /** The old and new value with nested never-sent members withheld; absent when masked or missing. */
  before?: JsonValue;
  after?: JsonValue;
  /** A never-sent member: only the fact of the change is told, never a value. */
  masked: boolean;
}

/** A copy to print: never-sent members replaced by {@link WITHHELD}, at any depth. */
export function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redact);
  if (!isJsonObject(value)) return value;
  return mapMembers(value, (k, v) => (isNeverSent(k, value) ? WITHHELD : redact(v)));
}

const isContainer = (v: JsonValue | undefined) => Array.isArray(v) || isJsonObject(v);

/** Field-level changes from `before` to `after`, in a stable order (`before`'s members first). */
export function fieldChanges(before: JsonObject, after: JsonObject): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', false, out);
  return out;
}

function walk(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  path: string,
  masked: boolean,
  out: FieldChange[],
) {
  if (jsonEqual(a, b)) return;
  const kind: ChangeKind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  if (masked) {
    out.push({ path, kind, masked });
  } else if (isJsonObject(a) && isJsonObject(b)) {
    for (const k of [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))]) {
      if (path === '' && SERVER_MANAGED.has(k)) continue;
      walk(a[k], b[k], path ? `${path}.${k}` : k, isNeverSent(k, a, b), out);
    }
  } else if (Array.isArray(a) && Array.isArray(b) && (a.some(isContainer) || b.some(isContainer))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, false, out);
  } else {
    out.push({
      path,
      kind,
      ...(a === undefined ? {} : { before: redact(a) }),
      ...(b === undefined ? {} : { after: redact(b) }),
      masked,
    });
  }
}

/** Whether two change paths touch the same member; an array is one member, as merge patch sends it. */
export function pathsOverlap(a: string, b: string): boolean {
  const unit = (p: string) => p.split('[')[0] ?? p;
  const [x, y] = [unit(a), unit(b)];
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

export interface ThreeWay {
  /** What the other writer changed since the user loaded the resource. */
  theirs: FieldChange[];
  /** What the user changed in their edit. */
  mine: FieldChange[];
  /** Paths of mine that overlap one of theirs with a different result. */
  conflicts: string[];
}

/** base (what the user loaded), theirs (the server's current version), mine (the user's edit). */
export function threeWay(base: JsonObject, theirs: JsonObject, mine: JsonObject): ThreeWay {
  const theirChanges = fieldChanges(base, theirs);
  const myChanges = fieldChanges(base, mine);
  const conflicts = myChanges
    .filter((m) =>
      theirChanges.some(
        (t) => pathsOverlap(m.path, t.path) && !(m.path === t.path && jsonEqual(m.after, t.after)),
      ),
    )
    .map((m) => m.path);
  return { theirs: theirChanges, mine: myChanges, conflicts };
}
