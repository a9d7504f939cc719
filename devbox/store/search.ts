// FHIR search over one resource table. Every value is a bind parameter; only fixed table names and
// operators chosen from closed lists are interpolated.
import { applyElements } from './elements.ts';
import { parseSearch } from './search-params.ts';
import type { DateFilter, DotFilter, SearchQuery, SortKey } from './search-params.ts';
import { tableOf } from './schema.ts';
import { ordered } from './sql.ts';
import type { Sql } from './sql.ts';
import { StoreError } from './types.ts';
import type { Resource, ResourceType, SearchResult } from './types.ts';

// Bounds are bound lazily: PostgreSQL rejects bind parameters the statement does not use.
type Bound = () => string;
const DATE_OPS: Record<DateFilter['op'], (s: Bound, e: Bound) => string> = {
  eq: (s, e) => `(t.ts >= ${s()} AND t.ts < ${e()})`,
  ne: (s, e) => `(t.ts < ${s()} OR t.ts >= ${e()})`,
  gt: (_s, e) => `t.ts >= ${e()}`,
  ge: (s) => `t.ts >= ${s()}`,
  lt: (s) => `t.ts < ${s()}`,
  le: (_s, e) => `t.ts < ${e()}`,
};

/** Escapes LIKE wildcards so a term is matched literally. */
function likeTerm(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function buildWhere(q: SearchQuery, params: unknown[]): string {
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const clauses: string[] = [];
  for (const ids of q.ids) clauses.push(`t.id = ANY(${bind(ids)}::text[])`);
  for (const alternatives of q.ilike) {
    // resource::text matches the trigram index expression in schema.ts.
    const ors = alternatives
      .filter((terms) => terms.length > 0)
      .map(
        (terms) => `(${terms.map((term) => `t.resource::text ILIKE ${bind(likeTerm(term))}`).join(' AND ')})`,
      );
    if (ors.length > 0) clauses.push(`(${ors.join(' OR ')})`);
  }
  for (const f of q.lastUpdated) {
    clauses.push(
      DATE_OPS[f.op](
        () => `${bind(f.start)}::timestamptz`,
        () => `${bind(f.end)}::timestamptz`,
      ),
    );
  }
  for (const r of q.refs) {
    // Accept `x`, `Client/x` and the Aidbox-format `{id: x}` shape alike.
    const ids = r.values.map((v) => v.slice(v.lastIndexOf('/') + 1));
    const refs = r.values.filter((v) => v.includes('/'));
    const path = bind([r.field, 'reference']);
    const idPath = bind([r.field, 'id']);
    const idList = bind(ids);
    clauses.push(
      `(split_part(t.resource #>> ${path}::text[], '/', 2) = ANY(${idList}::text[])
        OR t.resource #>> ${path}::text[] = ANY(${bind(refs)}::text[])
        OR t.resource #>> ${idPath}::text[] = ANY(${idList}::text[]))`,
    );
  }
  for (const e of q.exact) {
    clauses.push(`t.resource ->> ${bind(e.field)} = ANY(${bind(e.values)}::text[])`);
  }
  for (const d of q.dots) clauses.push(dotClause(d, bind));
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

const COMPARE: Record<string, string> = { eq: '=', ne: '<>', gt: '>', lt: '<', ge: '>=', le: '<=' };

/**
 * One dot expression as docs/api/rest-api/aidbox-search.md writes its SQL: `resource#>>'{path}'`
 * compared as text (`=`), matched with ILIKE '%v%' (`$contains`, also over an array's JSON text),
 * tested for NULL (`$isnull`), or cast and compared (`::timestamptz$gt`).
 */
function dotClause(d: DotFilter, bind: (v: unknown) => string): string {
  const text = `(t.resource #>> ${bind(d.path)}::text[])`;
  switch (d.op) {
    case 'isnull':
    case 'missing':
      return `${text} IS ${d.value === 'true' ? '' : 'NOT '}NULL`;
    case 'contains':
      return `${text} ILIKE ${bind(likeTerm(d.value))}`;
    default: {
      const op = COMPARE[d.op] ?? '=';
      // The cast name comes from DOT_CASTS, a fixed list; the value is always a bind parameter.
      if (d.cast) return `${text}::${d.cast} ${op} ${bind(d.value)}::${d.cast}`;
      return `${text} ${op} ${bind(d.value)}`;
    }
  }
}

function buildOrder(sort: SortKey[], params: unknown[]): string {
  const keys = sort.map((k) => {
    const dir = k.descending ? 'DESC' : 'ASC';
    if (k.field.kind === 'id') return `t.id ${dir}`;
    if (k.field.kind === 'lastUpdated') return `t.ts ${dir}, t.txid ${dir}`;
    params.push(k.field.path);
    return `t.resource #> $${params.length}::text[] ${dir} NULLS LAST`;
  });
  // The id tie-breaker keeps paging stable when sort keys repeat.
  keys.push('t.id ASC');
  return `ORDER BY ${keys.join(', ')}`;
}

/**
 * A typed dot expression whose value (or stored data) does not parse as its ::type is a data
 * exception (SQLSTATE class 22): the caller's input, so 400, not 500. The docs warn that
 * "expressions with typecast require user input to be correct by PostgreSQL syntax".
 */
export async function searchResources(
  sql: Sql,
  type: ResourceType,
  raw: URLSearchParams,
): Promise<SearchResult> {
  try {
    return await runSearch(sql, type, raw);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) {
      const detail = err instanceof Error ? err.message : 'invalid value';
      throw new StoreError('invalid', `Search value does not fit its ::type: ${detail}`);
    }
    throw err;
  }
}

async function runSearch(sql: Sql, type: ResourceType, raw: URLSearchParams): Promise<SearchResult> {
  const q = parseSearch(type, raw);
  const table = tableOf(type);
  const whereParams: unknown[] = [];
  const where = buildWhere(q, whereParams);

  let total: number | undefined;
  if (q.total !== 'none') {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} t ${where}`,
      whereParams,
    );
    total = rows[0]?.n ?? 0;
  }

  let resources: Resource[] = [];
  if (q.count > 0) {
    const params = [...whereParams];
    const order = buildOrder(q.sort, params);
    params.push(q.count, (q.page - 1) * q.count);
    const { rows } = await sql.query<{ resource: Resource }>(
      `SELECT t.resource FROM ${table} t ${where} ${order}
       LIMIT $${params.length - 1}::int OFFSET $${params.length}::int`,
      params,
    );
    resources = rows.map((r) => applyElements(ordered(r.resource), q.elements));
  }
  return { resources, total, page: q.page, count: q.count };
}
