/**
 * The shape of a json-schema policy, checked before it is evaluated (see json-schema.ts): the
 * keywords the console implements, and every subschema well-formed as ajv (devbox) requires.
 */
import { isRecord, jsonEqual } from './types.ts';

/** Keywords that only annotate; draft-07 validators ignore them. */
export const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'definitions',
  'contentMediaType',
  'contentEncoding',
]);

/** Thrown for a construct the console does not evaluate; the caller turns it into "needs Aidbox". */
export class UnsupportedSchema extends Error {}

export function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return isRecord(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      throw new UnsupportedSchema(`unknown type "${type}"`);
  }
}

export function regex(source: unknown): RegExp {
  if (typeof source !== 'string') throw new UnsupportedSchema('pattern must be a string');
  try {
    return new RegExp(source, 'u');
  } catch {
    throw new UnsupportedSchema(`invalid pattern "${source}"`);
  }
}

export const HANDLED = new Set([
  'type', 'enum', 'const', 'not', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', '$ref',
  'required', 'minProperties', 'maxProperties', 'properties', 'patternProperties', 'additionalProperties',
  'propertyNames', 'dependencies', 'minItems', 'maxItems', 'uniqueItems', 'items', 'additionalItems',
  'contains', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf',
]); // prettier-ignore

export function schemas(v: unknown, k: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw new UnsupportedSchema(`${k} must be a non-empty array`);
  return v;
}

const SUBSCHEMA = [
  'not',
  'if',
  'then',
  'else',
  'additionalProperties',
  'propertyNames',
  'additionalItems',
  'contains',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];

/**
 * Every subschema checked up front, as ajv checks the whole schema before validating anything: a
 * flaw in a branch that evaluation would never reach still makes the policy Aidbox's to decide.
 */
export function checkShape(schema: unknown, depth = 0): void {
  if (typeof schema === 'boolean') return;
  if (!isRecord(schema)) throw new UnsupportedSchema('a schema must be an object or a boolean');
  if (depth > 64) throw new UnsupportedSchema('schema nests too deeply');
  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key)) throw new UnsupportedSchema(`keyword "${key}"`);
  }
  if (schema.enum !== undefined) {
    const list = schema.enum;
    if (!Array.isArray(list)) throw new UnsupportedSchema('enum must be an array');
    // Draft-07 says items SHOULD be unique; ajv rejects the whole schema when they are not.
    if (list.some((x, i) => list.findIndex((y) => jsonEqual(x, y)) !== i))
      throw new UnsupportedSchema('enum lists a value twice');
  }
  if (schema.type !== undefined)
    for (const t of [schema.type].flat()) {
      if (typeof t !== 'string') throw new UnsupportedSchema('type must be a string');
      typeMatches(t, null);
    }
  if (schema.pattern !== undefined) regex(schema.pattern);
  for (const k of SUBSCHEMA) if (schema[k] !== undefined) checkShape(schema[k], depth + 1);
  for (const k of SUBSCHEMA_LISTS)
    if (schema[k] !== undefined) schemas(schema[k], k).forEach((x) => checkShape(x, depth + 1));
  for (const k of SUBSCHEMA_MAPS) {
    const map = schema[k];
    if (map === undefined) continue;
    if (!isRecord(map)) throw new UnsupportedSchema(`${k} must be an object`);
    for (const [name, sub] of Object.entries(map)) {
      if (k === 'patternProperties') regex(name);
      checkShape(sub, depth + 1);
    }
  }
  if (schema.items !== undefined)
    for (const x of Array.isArray(schema.items) ? schema.items : [schema.items]) checkShape(x, depth + 1);
  if (isRecord(schema.dependencies))
    for (const dep of Object.values(schema.dependencies)) if (!Array.isArray(dep)) checkShape(dep, depth + 1);
}
