// The one query surface the store modules use, satisfied by both PGlite and its Transaction, so
// the same write code runs standalone (wrapped in its own transaction) or inside Store.transaction.
export interface Sql {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface ResourceRow {
  resource: unknown;
}

/** Versions are compared as bare strings: `3`, `W/"3"` and `"3"` all mean version 3. */
export function parseVersion(raw: string): string {
  const trimmed = raw.trim();
  const weak = trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
  return weak.replace(/^"(.*)"$/, '$1').trim();
}

/** jsonb sorts keys by length; put resourceType, id and meta first, as FHIR servers print them. */
export function ordered<T extends { resourceType: string; id: string }>(r: T): T {
  const { resourceType, id, meta, ...rest } = r as T & { meta?: unknown };
  return { resourceType, id, ...(meta === undefined ? {} : { meta }), ...rest } as unknown as T;
}
