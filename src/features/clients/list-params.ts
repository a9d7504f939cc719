// The Clients list view state lives in the URL so a view can be shared and survives a reload.
// This module is the only place that knows the URL names and how they map to Aidbox search params.
import { HAS_SECRET, NO_SECRET } from '../../api/client-secrets.ts';
import { DEFAULT_PAGE_SIZE, type ClientListParams } from '../../api/clients.ts';

export const SORTS = {
  id: { label: 'Id (A–Z)', param: '_id' },
  '-id': { label: 'Id (Z–A)', param: '-_id' },
  name: { label: 'Name (A–Z)', param: '.name' },
  '-name': { label: 'Name (Z–A)', param: '-.name' },
  '-updated': { label: 'Recently updated', param: '-_lastUpdated' },
  updated: { label: 'Least recently updated', param: '_lastUpdated' },
} as const;
export type SortKey = keyof typeof SORTS;

export type AccessFilter = 'public' | 'confidential';
export type ActiveFilter = 'true' | 'false';

export interface ListView {
  q: string;
  grant: string;
  access: AccessFilter | '';
  active: ActiveFilter | '';
  sort: SortKey;
  page: number;
}

export const DEFAULT_VIEW: ListView = { q: '', grant: '', access: '', active: '', sort: 'id', page: 1 };

function isSortKey(value: string | null): value is SortKey {
  return value !== null && Object.hasOwn(SORTS, value);
}

/** Reads the view from the URL, falling back to defaults for anything missing or malformed. */
export function readView(search: URLSearchParams): ListView {
  const page = Number(search.get('page'));
  const access = search.get('access');
  const active = search.get('active');
  const sort = search.get('sort');
  return {
    q: search.get('q') ?? '',
    grant: search.get('grant') ?? '',
    access: access === 'public' || access === 'confidential' ? access : '',
    active: active === 'true' || active === 'false' ? active : '',
    sort: isSortKey(sort) ? sort : DEFAULT_VIEW.sort,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Writes only non-default values, so a plain list has a plain URL. */
export function writeView(view: ListView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.q) out.set('q', view.q);
  if (view.grant) out.set('grant', view.grant);
  if (view.access) out.set('access', view.access);
  if (view.active) out.set('active', view.active);
  if (view.sort !== DEFAULT_VIEW.sort) out.set('sort', view.sort);
  if (view.page !== 1) out.set('page', String(view.page));
  return out;
}

export function hasFilters(view: ListView): boolean {
  return view.q !== '' || view.grant !== '' || view.access !== '' || view.active !== '';
}

/**
 * The list filters as Aidbox's documented dot expressions (docs/api/rest-api/aidbox-search.md):
 * `$contains` is `resource#>>'{path}' ilike '%v%'`, a text match on the JSON text at the path, so
 * the grant is quoted to match one whole array element (`"code"` must not find
 * `"authorization_code"`); `$isnull` is `IS NULL`; `=` compares the text (`true`/`false`). All run on
 * the stored resource, so they return the same rows whether or not reads show `secret`.
 */
export function toListParams(view: ListView): ClientListParams {
  // The API layer asks for `_elements=-secret`, which hides whether a Client has a secret at all, so
  // every confidential Client would look public. Only the system `_source` is left out instead;
  // the API layer still strips the (hashed) secret before anything is cached.
  const filters: Record<string, string> = { _elements: '-_source' };
  if (view.grant) filters['.grant_types$contains'] = JSON.stringify(view.grant);
  // Server-side approximation of isPublicClient(): "no stored secret".
  if (view.access) Object.assign(filters, view.access === 'public' ? NO_SECRET : HAS_SECRET);
  if (view.active) filters['.active'] = view.active;
  return {
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
    page: view.page,
    count: DEFAULT_PAGE_SIZE,
    sort: SORTS[view.sort].param,
    filters,
  };
}

const numberFormat = new Intl.NumberFormat('en-US');

/** "1–50 of 10,000"; without a total (server sent none) just the range. */
export function rangeLabel(page: number, count: number, shown: number, total: number | undefined): string {
  if (shown === 0) return total === undefined ? 'No results' : `0 of ${numberFormat.format(total)}`;
  const first = (page - 1) * count + 1;
  const last = first + shown - 1;
  const range = `${numberFormat.format(first)}–${numberFormat.format(last)}`;
  return total === undefined ? range : `${range} of ${numberFormat.format(total)}`;
}
