// The json-schema engine: draft-07 schema against the request, after stripping empty values
// ([], {}, "", null) as Aidbox documents, so `required` means "present and non-empty".
import { Ajv, type ValidateFunction } from 'ajv';
import { isRecord } from './path.ts';

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: true });
// Compiled schemas keyed by their JSON text: policies are re-read per request, compilation is not.
const compiled = new Map<string, ValidateFunction>();

export function stripEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(stripEmpty).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = stripEmpty(v);
      if (s !== undefined) out[k] = s;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === '') return undefined;
  return value;
}

export function jsonSchemaMatches(schema: unknown, request: unknown): { ok: boolean; error?: string } {
  if (!isRecord(schema) && typeof schema !== 'boolean')
    return { ok: false, error: 'schema must be an object' };
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (e) {
      return { ok: false, error: `invalid schema: ${(e as Error).message}` };
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, validate);
  }
  return { ok: validate(stripEmpty(request) ?? {}) };
}
