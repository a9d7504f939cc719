/**
 * The json-schema engine (docs/access-control/authorization/access-policies.md, "JSON Schema"):
 * draft-07, checked against the request object after empty values ([], {}, "", null) are removed.
 *
 * Why an interpreter of our own and not ajv: ajv compiles every schema to JavaScript with
 * `new Function`, which the console's Content-Security-Policy (`script-src 'self'`, Trusted Types)
 * refuses, and it would add ~35 KB to the review screens. This walks the schema instead. A keyword
 * it does not implement (`format`, remote `$ref`, …) is never skipped silently: the policy is then
 * left to Aidbox.
 */
import {
  ANNOTATIONS,
  checkShape,
  regex,
  schemas,
  typeMatches,
  UnsupportedSchema,
} from './json-schema-shape.ts';
import { isRecord, jsonEqual } from './types.ts';

export { UnsupportedSchema };

export function stripEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(stripEmpty).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = stripEmpty(v);
      if (s !== undefined) out[k] = s;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

/** Unicode code points, as draft-07 counts string length. */
const strLength = (s: string) => [...s].length;

function pointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) throw new UnsupportedSchema(`$ref "${ref}" is not a local pointer`);
  let cur = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = isRecord(cur) ? cur[seg] : Array.isArray(cur) ? cur[Number(seg)] : undefined;
    if (cur === undefined) throw new UnsupportedSchema(`$ref "${ref}" points nowhere`);
  }
  return cur;
}

interface Ctx {
  root: unknown;
  depth: number;
}

const num = (v: unknown, k: string): number => {
  if (typeof v !== 'number') throw new UnsupportedSchema(`${k} must be a number`);
  return v;
};

function validObject(s: Record<string, unknown>, v: Record<string, unknown>, ctx: Ctx): boolean {
  const keys = Object.keys(v);
  if (s.required !== undefined) {
    if (!Array.isArray(s.required)) throw new UnsupportedSchema('required must be an array');
    if (!s.required.every((k) => typeof k === 'string' && k in v)) return false;
  }
  if (s.minProperties !== undefined && keys.length < num(s.minProperties, 'minProperties')) return false;
  if (s.maxProperties !== undefined && keys.length > num(s.maxProperties, 'maxProperties')) return false;
  if (s.properties !== undefined && !isRecord(s.properties)) throw new UnsupportedSchema('properties');
  if (s.patternProperties !== undefined && !isRecord(s.patternProperties))
    throw new UnsupportedSchema('patternProperties');
  const props = isRecord(s.properties) ? s.properties : {};
  const patterns = isRecord(s.patternProperties)
    ? Object.entries(s.patternProperties).map(([p, sub]) => [regex(p), sub] as const)
    : [];
  for (const key of keys) {
    let covered = false;
    if (key in props) {
      covered = true;
      if (!valid(props[key], v[key], ctx)) return false;
    }
    for (const [re, sub] of patterns) {
      if (re.test(key)) {
        covered = true;
        if (!valid(sub, v[key], ctx)) return false;
      }
    }
    if (!covered && s.additionalProperties !== undefined && !valid(s.additionalProperties, v[key], ctx))
      return false;
    if (s.propertyNames !== undefined && !valid(s.propertyNames, key, ctx)) return false;
  }
  if (isRecord(s.dependencies)) {
    for (const [key, dep] of Object.entries(s.dependencies)) {
      if (!(key in v)) continue;
      if (Array.isArray(dep) ? !dep.every((d) => typeof d === 'string' && d in v) : !valid(dep, v, ctx))
        return false;
    }
  }
  return true;
}

function validArray(s: Record<string, unknown>, v: unknown[], ctx: Ctx): boolean {
  if (s.minItems !== undefined && v.length < num(s.minItems, 'minItems')) return false;
  if (s.maxItems !== undefined && v.length > num(s.maxItems, 'maxItems')) return false;
  if (s.uniqueItems === true && v.some((x, i) => v.findIndex((y) => jsonEqual(x, y)) !== i)) return false;
  if (Array.isArray(s.items)) {
    const tuple = s.items;
    if (!tuple.every((sub, i) => i >= v.length || valid(sub, v[i], ctx))) return false;
    if (
      s.additionalItems !== undefined &&
      !v.slice(tuple.length).every((x) => valid(s.additionalItems, x, ctx))
    )
      return false;
  } else if (s.items !== undefined && !v.every((x) => valid(s.items, x, ctx))) return false;
  if (s.contains !== undefined && !v.some((x) => valid(s.contains, x, ctx))) return false;
  return true;
}

function validString(s: Record<string, unknown>, v: string): boolean {
  if (s.minLength !== undefined && strLength(v) < num(s.minLength, 'minLength')) return false;
  if (s.maxLength !== undefined && strLength(v) > num(s.maxLength, 'maxLength')) return false;
  if (s.pattern !== undefined && !regex(s.pattern).test(v)) return false;
  return true;
}

function validNumber(s: Record<string, unknown>, v: number): boolean {
  if (s.minimum !== undefined && v < num(s.minimum, 'minimum')) return false;
  if (s.maximum !== undefined && v > num(s.maximum, 'maximum')) return false;
  if (s.exclusiveMinimum !== undefined && v <= num(s.exclusiveMinimum, 'exclusiveMinimum')) return false;
  if (s.exclusiveMaximum !== undefined && v >= num(s.exclusiveMaximum, 'exclusiveMaximum')) return false;
  if (s.multipleOf !== undefined) {
    const m = num(s.multipleOf, 'multipleOf');
    if (m <= 0) throw new UnsupportedSchema('multipleOf must be positive');
    if (!Number.isInteger(v / m)) return false;
  }
  return true;
}

function valid(schema: unknown, v: unknown, ctx: Ctx): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  if (!isRecord(schema)) throw new UnsupportedSchema('a schema must be an object or a boolean');
  if (ctx.depth > 64) throw new UnsupportedSchema('schema nests too deeply');
  const inner: Ctx = { root: ctx.root, depth: ctx.depth + 1 };
  // Keywords were checked once by checkShape (schemaAccepts).
  if (schema.$ref !== undefined) {
    // Validators differ on keywords beside $ref (draft-07 ignores them, ajv 8 applies them).
    if (
      typeof schema.$ref !== 'string' ||
      Object.keys(schema).some((k) => k !== '$ref' && !ANNOTATIONS.has(k))
    )
      throw new UnsupportedSchema('$ref with sibling keywords');
    return valid(pointer(ctx.root, schema.$ref), v, inner);
  }
  const s = schema;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => typeof t === 'string' && typeMatches(t, v))) return false;
  }
  if (s.enum !== undefined && !(Array.isArray(s.enum) && s.enum.some((e) => jsonEqual(e, v)))) return false;
  if ('const' in s && !jsonEqual(s.const, v)) return false;
  if (s.not !== undefined && valid(s.not, v, inner)) return false;
  if (s.allOf !== undefined && !schemas(s.allOf, 'allOf').every((x) => valid(x, v, inner))) return false;
  if (s.anyOf !== undefined && !schemas(s.anyOf, 'anyOf').some((x) => valid(x, v, inner))) return false;
  if (s.oneOf !== undefined && schemas(s.oneOf, 'oneOf').filter((x) => valid(x, v, inner)).length !== 1)
    return false;
  if (s.if !== undefined) {
    const branch = valid(s.if, v, inner) ? s.then : s.else;
    if (branch !== undefined && !valid(branch, v, inner)) return false;
  }
  if (isRecord(v)) return validObject(s, v, inner);
  if (Array.isArray(v)) return validArray(s, v, inner);
  if (typeof v === 'string') return validString(s, v);
  if (typeof v === 'number') return validNumber(s, v);
  return true;
}

const checked = new WeakSet<object>();

/**
 * Whether the request object passes the schema, after removing empty values.
 * Throws UnsupportedSchema for anything the console leaves to Aidbox.
 */
export function schemaAccepts(schema: unknown, request: unknown): boolean {
  if (isRecord(schema) && !checked.has(schema)) {
    checkShape(schema);
    checked.add(schema);
  }
  return valid(schema, stripEmpty(request) ?? {}, { root: schema, depth: 0 });
}
