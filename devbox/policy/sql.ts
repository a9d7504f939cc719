// The sql engine (docs/access-control/authorization/access-policies.md, "SQL engine"). Aidbox
// substitutes {{path}} with an escaped value and {{!path}} with a double-quoted, lower-cased
// identifier; devbox turns every {{path}} into a bind parameter ($1..$n) so a hostile value can
// never change the query text, and accepts only plain identifiers for {{!path}}.
import type { Store } from '../store/types.ts';
import { getPath } from './path.ts';

const PLACEHOLDER = /\{\{\s*(!?)\s*([^{}]+?)\s*\}\}/g;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface CompiledSql {
  /** What runs: `$n` bind parameters. */
  text: string;
  params: unknown[];
  /** What debug output shows, as debug-access-control.md does: `?` for each parameter. */
  display: string;
}

function bindValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v); // maps/arrays are bound as JSON text (cast with ::jsonb in the policy)
}

/** Throws on an unusable identifier; the caller turns that into eval-result false. */
export function compileSql(template: string, request: unknown): CompiledSql {
  const params: unknown[] = [];
  const parts: { text: string; display: string }[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const [whole, bang, path = ''] = m;
    const literal = template.slice(last, m.index);
    last = m.index + whole.length;
    const value = getPath(request, path);
    if (bang) {
      // "By default, identifier names are double-quoted and lower-cased" (access-policies.md).
      const id = typeof value === 'string' ? value.toLowerCase() : undefined;
      if (id === undefined || !IDENTIFIER.test(id)) throw new Error(`{{!${path}}} is not a plain identifier`);
      parts.push({ text: `${literal}"${id}"`, display: `${literal}"${id}"` });
    } else {
      params.push(bindValue(value));
      parts.push({ text: `${literal}$${params.length}`, display: `${literal}?` });
    }
  }
  const tail = template.slice(last);
  return {
    text: parts.map((p) => p.text).join('') + tail,
    display: parts.map((p) => p.display).join('') + tail,
    params,
  };
}

/**
 * The policy's value: the first column of the first row. The docs' examples use both
 * `SELECT true …` and `SELECT 1 …`, so `true` and a non-zero number allow; no row, NULL, false, 0
 * or any other value deny.
 */
function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'bigint') return v !== 0n;
  return false;
}

export interface SqlOutcome {
  ok: boolean;
  /** `[SQL with ?, param…]`, the form debug-access-control.md shows for `result.query`. */
  query?: unknown[];
  error?: string;
}

export async function sqlMatches(store: Store, sql: unknown, request: unknown): Promise<SqlOutcome> {
  const template = typeof sql === 'object' && sql !== null ? (sql as { query?: unknown }).query : undefined;
  if (typeof template !== 'string' || !template.trim()) return { ok: false, error: 'sql.query is missing' };
  let compiled: CompiledSql;
  try {
    compiled = compileSql(template, request);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const query = [compiled.display, ...compiled.params];
  try {
    const rows = await store.query(compiled.text, compiled.params);
    const first = rows[0];
    if (!first) return { ok: false, query };
    return { ok: truthy(Object.values(first)[0]), query };
  } catch (e) {
    return { ok: false, query, error: `SQL error: ${(e as Error).message}` };
  }
}
