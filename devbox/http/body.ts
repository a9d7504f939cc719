// Request body parsing for /fhir: JSON only (Aidbox also speaks YAML; devbox does not).
import type { Context } from 'hono';
import { FhirError } from './fhir-result.ts';

/** undefined for an empty body; FhirError 400 for malformed JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'parse error';
    throw new FhirError(400, 'structure', `Malformed JSON body: ${detail}`);
  }
}
