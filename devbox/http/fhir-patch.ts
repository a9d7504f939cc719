// PATCH bodies: JSON Merge Patch (RFC 7386) and JSON Patch (RFC 6902), chosen as Aidbox does
// (docs/api/rest-api/crud/patch.md): by `_method` or Content-Type, else an array means JSON Patch,
// a Parameters resource FHIRPath Patch (refused: 422) and any other object merge patch.
import { FhirError } from './fhir-result.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergePatch(target: unknown, patch: unknown): Json {
  if (!isObject(patch)) return patch as Json;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function bad(message: string): never {
  throw new FhirError(422, 'invalid', `JSON Patch: ${message}`);
}

function parsePointer(pointer: unknown): string[] {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    bad(`invalid pointer ${JSON.stringify(pointer)}`);
  }
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function parentOf(doc: Json, path: string[]): { parent: Json; key: string } {
  if (path.length === 0) bad('the document root cannot be changed');
  let node: Json = doc;
  for (const seg of path.slice(0, -1)) {
    if (Array.isArray(node) && /^\d+$/.test(seg) && Number(seg) < node.length)
      node = node[Number(seg)] ?? null;
    else if (isObject(node) && seg in node) node = node[seg] ?? null;
    else bad(`path /${path.join('/')} does not exist`);
  }
  return { parent: node, key: path[path.length - 1] ?? '' };
}

function get(doc: Json, path: string[]): Json {
  let node: Json = doc;
  for (const seg of path) {
    if (Array.isArray(node) && /^\d+$/.test(seg) && Number(seg) < node.length)
      node = node[Number(seg)] ?? null;
    else if (isObject(node) && seg in node) node = node[seg] ?? null;
    else bad(`path /${path.join('/')} does not exist`);
  }
  return node;
}

function add(doc: Json, path: string[], value: Json): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!/^\d+$/.test(key) && key !== '-') bad(`invalid array index ${key}`);
    if (i > parent.length) bad(`index ${key} out of bounds`);
    parent.splice(i, 0, value);
  } else if (isObject(parent)) parent[key] = value;
  else bad(`cannot add at /${path.join('/')}`);
}

function remove(doc: Json, path: string[]): Json {
  const value = get(doc, path);
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isObject(parent)) delete parent[key];
  return value;
}

function equal(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equal(x, b[i] ?? null));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k] ?? null, b[k] ?? null))
    );
  }
  return a === b;
}

export function jsonPatch(target: unknown, ops: unknown): Json {
  if (!Array.isArray(ops)) bad('body must be an array of operations');
  const doc = clone(target) as Json;
  ops.forEach((raw: unknown, i) => {
    if (!isObject(raw)) bad(`operation ${i} must be an object`);
    const path = parsePointer(raw.path);
    switch (raw.op) {
      case 'add':
        if (!('value' in raw)) bad(`operation ${i} (add) needs a value`);
        return add(doc, path, clone(raw.value ?? null));
      case 'remove':
        remove(doc, path);
        return;
      case 'replace':
        if (!('value' in raw)) bad(`operation ${i} (replace) needs a value`);
        remove(doc, path);
        return add(doc, path, clone(raw.value ?? null));
      case 'move':
        return add(doc, path, remove(doc, parsePointer(raw.from)));
      case 'copy':
        return add(doc, path, clone(get(doc, parsePointer(raw.from))));
      case 'test':
        if (!equal(get(doc, path), raw.value ?? null)) bad(`test failed at /${path.join('/')}`);
        return;
      default:
        bad(`operation ${i} has unknown op ${JSON.stringify(raw.op)}`);
    }
  });
  return doc;
}

/** Picks the patch method: `_method` wins, then Content-Type, then the body's shape. */
export function applyPatch(
  target: unknown,
  body: unknown,
  contentType: string | undefined,
  method: string | null,
): Json {
  const ct = (contentType ?? '').toLowerCase();
  // patch.md: a Parameters body (or _method=fhirpath-patch) is a FHIRPath Patch. devbox does not
  // evaluate FHIRPath, so it refuses one (422) rather than merging "parameter" in as a field.
  const parameters = isObject(body) && body.resourceType === 'Parameters';
  if (method === 'fhirpath-patch' || (parameters && method !== 'merge-patch' && method !== 'json-patch')) {
    throw new FhirError(
      422,
      'not-supported',
      'FHIRPath Patch (a Parameters body) is not supported by devbox',
    );
  }
  const kind =
    method ??
    (ct.includes('json-patch') ? 'json-patch' : ct.includes('merge-patch') ? 'merge-patch' : undefined) ??
    (Array.isArray(body) ? 'json-patch' : 'merge-patch');
  if (kind === 'json-patch') return jsonPatch(target, body);
  if (kind === 'merge-patch') {
    if (!isObject(body)) throw new FhirError(422, 'invalid', 'Merge patch body must be a JSON object');
    return mergePatch(target, body);
  }
  throw new FhirError(422, 'not-supported', `Patch method "${kind}" is not supported by devbox`);
}
