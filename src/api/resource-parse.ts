// Lenient parsing for server resources: a field with an unexpected shape must not make a whole
// Client unreadable, so offending top-level fields are dropped (and named) instead of throwing.
import type * as z from 'zod/mini';

export interface Parsed<T> {
  value: T;
  /** top-level fields that did not match the schema and were left out of `value` */
  invalidFields: string[];
}

export function parseLeniently<S extends z.ZodMiniType>(schema: S, raw: unknown): Parsed<z.infer<S>> {
  const first = schema.safeParse(raw);
  if (first.success) return { value: first.data, invalidFields: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw first.error;
  const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const bad = new Set<string>();
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key !== 'resourceType' && key !== 'id') bad.add(key);
  }
  for (const key of bad) delete copy[key];
  const second = schema.safeParse(copy);
  if (!second.success) throw second.error;
  return { value: second.data, invalidFields: [...bad] };
}
