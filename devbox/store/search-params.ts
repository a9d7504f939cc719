// Parses the FHIR search parameters devbox supports into a typed query. Unknown parameters are
// ignored (FHIR's lenient handling); malformed values of known ones are StoreError('invalid').
import { hashClientSecret } from '../auth/secrets.ts';
import { parseElements } from './elements.ts';
import type { ElementsFilter } from './elements.ts';
import { StoreError } from './types.ts';

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;

export interface SortKey {
  /** `_id`, `_lastUpdated` or a path inside the resource. */
  field: { kind: 'id' } | { kind: 'lastUpdated' } | { kind: 'path'; path: string[] };
  descending: boolean;
}

export interface DateFilter {
  op: 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';
  start: string;
  /** Exclusive end of the value's precision range (a day for `2024-05-01`). */
  end: string;
}

export interface SearchQuery {
  ids: string[][];
  ilike: string[][][];
  lastUpdated: DateFilter[];
  /** Reference-or-id filters, e.g. Session?client=x → [['client', ['x']]]. */
  refs: { field: string; values: string[] }[];
  /** Exact string matches on a top-level field (Session.jti, User.email). */
  exact: { field: string; values: string[] }[];
  /** Aidbox dot expressions: `.a.b=v`, `.a.b$contains=v`, `.a.b$isnull=true|false`, typed comparisons. */
  dots: DotFilter[];
  sort: SortKey[];
  count: number;
  page: number;
  total: 'none' | 'estimate' | 'accurate';
  elements: ElementsFilter | undefined;
}

const REFERENCE_PARAMS: Record<string, Record<string, string>> = {
  Session: { client: 'client', user: 'user' },
};
const EXACT_PARAMS: Record<string, Record<string, string>> = {
  Session: { jti: 'jti' },
  User: { email: 'email', userName: 'userName' },
};

export type DotOp = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'contains' | 'isnull' | 'missing';

export interface DotFilter {
  path: string[];
  op: DotOp;
  value: string;
  /** PostgreSQL type after `::` (docs: `.period.start::timestamptz$gt=…`); undefined = text. */
  cast?: string | undefined;
}

/**
 * docs/api/rest-api/aidbox-search.md, "Dot expressions": `.path[::type][$op]=value`. Documented
 * operators: `=`, `$contains`, `$isnull`, and typed comparisons such as `::timestamptz$gt`; devbox
 * also takes the other FHIR prefixes (`$lt`, `$ge`, `$le`, `$ne`) and, on the strict reading only,
 * its undocumented `$missing` (the HTTP layer drops it on the alternate reading).
 */
const DOT_PARAM =
  /^\.([A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+))*)(?:::([a-z]+))?(?:\$(contains|isnull|missing|gt|lt|ge|le|eq|ne))?$/;

/** Casts accepted after `::`: a fixed list, because the name is spliced into SQL. */
export const DOT_CASTS = new Set([
  'text',
  'timestamptz',
  'timestamp',
  'date',
  'int',
  'integer',
  'bigint',
  'numeric',
  'decimal',
  'float',
  'boolean',
]);

function parseDots(params: URLSearchParams): DotFilter[] {
  const out: DotFilter[] = [];
  for (const [name, value] of params) {
    if (!name.startsWith('.')) continue;
    const m = DOT_PARAM.exec(name);
    if (!m?.[1]) invalid(name, `Unsupported dot expression "${name}"`);
    const cast = m[2];
    if (cast !== undefined && !DOT_CASTS.has(cast)) invalid(name, `Unsupported type ::${cast} in "${name}"`);
    const op = (m[3] ?? 'eq') as DotOp;
    if ((op === 'missing' || op === 'isnull') && value !== 'true' && value !== 'false') {
      invalid(name, `${name} must be true or false`);
    }
    if (cast !== undefined && (op === 'contains' || op === 'isnull' || op === 'missing')) {
      invalid(name, `${name}: a ::type goes with =, $eq, $ne, $gt, $lt, $ge or $le`);
    }
    out.push({ path: m[1].split('.'), op, value, cast });
  }
  return out;
}

function invalid(param: string, message: string): never {
  throw new StoreError('invalid', message, [param]);
}

function int(raw: string, param: string, min: number): number {
  if (!/^\d+$/.test(raw.trim())) invalid(param, `${param} must be an integer >= ${min}`);
  const n = Number(raw);
  if (n < min) invalid(param, `${param} must be an integer >= ${min}`);
  return n;
}

const SORT_KEY = /^-?(_id|_lastUpdated|\.?[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*)$/;

function parseSort(raw: string): SortKey[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((key) => {
      if (!SORT_KEY.test(key)) invalid('_sort', `Unsupported _sort key "${key}"`);
      const descending = key.startsWith('-');
      const name = descending ? key.slice(1) : key;
      if (name === '_id') return { field: { kind: 'id' }, descending };
      if (name === '_lastUpdated') return { field: { kind: 'lastUpdated' }, descending };
      return { field: { kind: 'path', path: name.replace(/^\./, '').split('.') }, descending };
    });
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

function parseDate(raw: string): DateFilter {
  const match = /^(eq|ne|gt|lt|ge|le)?(.+)$/.exec(raw.trim());
  const op = (match?.[1] ?? 'eq') as DateFilter['op'];
  const value = match?.[2] ?? '';
  const d = DATE.exec(value);
  if (!d) invalid('_lastUpdated', `_lastUpdated value "${raw}" is not a FHIR date or instant`);
  const [, y, m, day, time] = d;
  const start = new Date(`${y}-${m ?? '01'}-${day ?? '01'}${time ?? 'T00:00:00Z'}`);
  if (Number.isNaN(start.getTime()))
    invalid('_lastUpdated', `_lastUpdated value "${raw}" is not a valid date`);
  const end = new Date(start);
  if (time) end.setUTCMilliseconds(end.getUTCMilliseconds() + 1);
  else if (day) end.setUTCDate(end.getUTCDate() + 1);
  else if (m) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { op, start: start.toISOString(), end: end.toISOString() };
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseSearch(type: string, params: URLSearchParams): SearchQuery {
  const total = params.get('_total') ?? 'accurate';
  if (total !== 'none' && total !== 'estimate' && total !== 'accurate') {
    invalid('_total', '_total must be none, estimate or accurate');
  }
  const countRaw = params.get('_count');
  const pageRaw = params.get('_page');
  const sortRaw = params.get('_sort');
  const refDefs = REFERENCE_PARAMS[type] ?? {};
  const exactDefs = EXACT_PARAMS[type] ?? {};
  return {
    ids: params.getAll('_id').map(list),
    // Each `_ilike` value: comma-separated alternatives, each a space-separated list of terms.
    ilike: params.getAll('_ilike').map((v) => list(v).map((alt) => alt.split(/\s+/).filter(Boolean))),
    lastUpdated: params.getAll('_lastUpdated').map(parseDate),
    refs: Object.entries(refDefs).flatMap(([param, field]) =>
      params.getAll(param).map((v) => ({ field, values: list(v) })),
    ),
    exact: [
      ...Object.entries(exactDefs).flatMap(([param, field]) =>
        params.getAll(param).map((v) => ({ field, values: list(v) })),
      ),
      // Session?access_token=<token> (core-module-resources.md, Session search parameters):
      // only hashes are stored, so the token is hashed and compared.
      ...(type === 'Session'
        ? params.getAll('access_token').map((v) => ({ field: 'access_token', values: [hashClientSecret(v)] }))
        : []),
    ],
    dots: parseDots(params),
    sort: sortRaw ? parseSort(sortRaw) : [],
    count: countRaw === null ? DEFAULT_COUNT : Math.min(int(countRaw, '_count', 0), MAX_COUNT),
    page: pageRaw === null ? 1 : int(pageRaw, '_page', 1),
    total,
    elements: parseElements(params.get('_elements')),
  };
}
