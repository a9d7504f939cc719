// The sql engine. Aidbox substitutes {{path}} with an escaped value and {{!path}} with a quoted
// identifier; devbox turns every {{path}} into a bind parameter ($1..$n) so a hostile value can
// never change the query text, and accepts only plain lower-case identifiers for {{!path}}.
import type { Store } from '../store/types.ts';
import { getPath } from './path.ts';

const PLACEHOLDER = /\{\{\s*(!?)\s*([^{}]+?)\s*\}\}/g;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface CompiledSql {
  text: string;
  params: unknown[];
}

function bindValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v); // maps/arrays are bound as JSON text (cast with ::jsonb in the policy)
}

/** Throws on an unusable identifier; the caller turns that into eval-result false. */
export function compileSql(template: string, request: unknown): CompiledSql {
  const params: unknown[] = [];
  const text = template.replace(PLACEHOLDER, (_m, bang: string, path: string) => {
    const value = getPath(request, path);
    if (bang) {
      if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
        throw new Error(`{{!${path}}} is not a plain identifier`);
      }
      return `"${value}"`;
    }
    params.push(bindValue(value));
    return `$${params.length}`;
  });
  return { text, params };
}

export async function sqlMatches(
  store: Store,
  sql: unknown,
  request: unknown,
): Promise<{ ok: boolean; query?: string; error?: string }> {
  const template = typeof sql === 'object' && sql !== null ? (sql as { query?: unknown }).query : undefined;
  if (typeof template !== 'string' || !template.trim()) return { ok: false, error: 'sql.query is missing' };
  let compiled: CompiledSql;
  try {
    compiled = compileSql(template, request);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  try {
    const rows = await store.query(compiled.text, compiled.params);
    const first = rows[0];
    if (rows.length !== 1 || !first)
      return { ok: false, query: compiled.text, error: 'expected exactly one row' };
    const values = Object.values(first);
    if (values.length !== 1 || typeof values[0] !== 'boolean') {
      return { ok: false, query: compiled.text, error: 'expected one boolean column' };
    }
    return { ok: values[0], query: compiled.text };
  } catch (e) {
    return { ok: false, query: compiled.text, error: `SQL error: ${(e as Error).message}` };
  }
}
