// The policy matrix's Client rows: only the fields a row shows, for up to 10,000 Clients, in large
// pages. Keyed under `Client`, so any Client write refreshes the matrix too.
import { queryOptions } from '@tanstack/react-query';
import type { ClientRow } from '../domain/matrix.ts';
import { aidbox, type QueryValue } from './aidbox-client.ts';
import { BundleSchema, type Bundle } from './types.ts';

/** devbox and Aidbox cap `_count` at 1000. */
const PAGE_SIZE = 1000;
/** Pages fetched at once once the total is known. */
const PARALLEL_PAGES = 4;

function entriesOf(bundle: Bundle): unknown[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r) => r !== undefined);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Only the fields a matrix row shows; a hand-read instead of zod because there may be 10,000. */
export function toClientRow(raw: unknown): ClientRow | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (id === '') return undefined;
  return {
    id,
    name: str(r.name),
    type: str(r.type),
    grantTypes: Array.isArray(r.grant_types)
      ? r.grant_types.filter((g): g is string => typeof g === 'string')
      : [],
    active: r.active !== false,
  };
}

const CLIENT_ROW_QUERY = { _elements: 'id,name,type,grant_types,active', _sort: '_id' } as const;

export interface ClientRowsPage {
  rows: ClientRow[];
  total: number | undefined;
  /** the server's `next` link, for servers that send no total */
  next: string | undefined;
}

function rowsOf(bundle: Bundle): ClientRow[] {
  return entriesOf(bundle)
    .map(toClientRow)
    .filter((c): c is ClientRow => c !== undefined);
}

/** The first `PAGE_SIZE` matrix rows and the total, so the grid can show them at once. */
export async function fetchFirstClientRows(signal?: AbortSignal): Promise<ClientRowsPage> {
  const res = await aidbox().request({
    path: '/fhir/Client',
    query: { ...CLIENT_ROW_QUERY, _count: PAGE_SIZE, _page: 1, _total: 'accurate' },
    signal,
  });
  const bundle = BundleSchema.parse(res.data);
  return {
    rows: rowsOf(bundle),
    total: bundle.total,
    next: bundle.link?.find((l) => l.relation === 'next')?.url,
  };
}

/** Every row after the first page: by `_page`, a few at a time, or by `next` links without a total. */
export async function fetchRestClientRows(
  first: Pick<ClientRowsPage, 'total' | 'next'>,
  signal?: AbortSignal,
): Promise<ClientRow[]> {
  const out: ClientRow[] = [];
  const page = async (query: Record<string, QueryValue>) =>
    BundleSchema.parse((await aidbox().request({ path: '/fhir/Client', query, signal })).data);
  if (first.total !== undefined) {
    const pages = Math.ceil(first.total / PAGE_SIZE);
    for (let start = 2; start <= pages; start += PARALLEL_PAGES) {
      const batch = [];
      for (let n = start; n < start + PARALLEL_PAGES && n <= pages; n++) {
        batch.push(page({ ...CLIENT_ROW_QUERY, _count: PAGE_SIZE, _page: n, _total: 'none' }));
      }
      for (const b of await Promise.all(batch)) out.push(...rowsOf(b));
    }
    return out;
  }
  let url = first.next;
  while (url) {
    const b = await page(Object.fromEntries(new URL(url).searchParams));
    out.push(...rowsOf(b));
    url = b.link?.find((l) => l.relation === 'next')?.url;
  }
  return out;
}

export const clientRowQueries = {
  first: () =>
    queryOptions({
      queryKey: ['Client', 'matrix-rows', 'first'] as const,
      queryFn: ({ signal }) => fetchFirstClientRows(signal),
    }),
  rest: (total: number | undefined, next: string | undefined) =>
    queryOptions({
      queryKey: ['Client', 'matrix-rows', 'rest', total ?? null, next ?? null] as const,
      queryFn: ({ signal }) => fetchRestClientRows({ total, next }, signal),
    }),
};
