// Aidbox `AccessPolicy` resources and the Client rows of the policy matrix. Reads come in large
// pages (never one request per policy or per Client); writes go as one transaction Bundle.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PolicyResource } from '../domain/matrix.ts';
import type { TransactionBundle } from '../domain/matrix-apply.ts';
import { aidbox, type QueryValue } from './aidbox-client.ts';
import { clientRowQueries, type ClientRowsPage } from './client-rows.ts';
import type { InvalidatesMeta } from './query-meta.ts';
import { parseLeniently } from './resource-parse.ts';
import { AccessPolicySchema, type AccessPolicy } from '../model/access-policy.ts';
import { BundleSchema, type Bundle } from './types.ts';

export type { AccessPolicy };

/** devbox and Aidbox cap `_count` at 1000. */
export const PAGE_SIZE = 1000;
/** Pages fetched at once once the total is known. */
const PARALLEL_PAGES = 4;
/** ids per `_id=a,b,…` request, to keep URLs well under common limits */
const IDS_PER_REQUEST = 100;

export const policyMutationMeta: InvalidatesMeta = { invalidates: [['AccessPolicy']] };

function entriesOf(bundle: Bundle): unknown[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r) => r !== undefined);
}

/**
 * Every resource of a search, `PAGE_SIZE` at a time. With a total, the remaining pages are fetched a
 * few at a time by `_page`; without one, `next` links are followed (their query only: the host
 * always stays the configured Aidbox).
 */
async function fetchAll(
  path: string,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<unknown[]> {
  const first = BundleSchema.parse(
    (await aidbox().request({ path, query: { ...query, _count: PAGE_SIZE, _page: 1 }, signal })).data,
  );
  const out = entriesOf(first);
  const next = (b: Bundle) => b.link?.find((l) => l.relation === 'next')?.url;
  if (first.total !== undefined) {
    const pages = Math.ceil(first.total / PAGE_SIZE);
    for (let start = 2; start <= pages; start += PARALLEL_PAGES) {
      const batch = [];
      for (let page = start; page < start + PARALLEL_PAGES && page <= pages; page++) {
        batch.push(aidbox().request({ path, query: { ...query, _count: PAGE_SIZE, _page: page }, signal }));
      }
      for (const res of await Promise.all(batch)) out.push(...entriesOf(BundleSchema.parse(res.data)));
    }
    return out;
  }
  let url = next(first);
  while (url) {
    const params = Object.fromEntries(new URL(url).searchParams);
    const page = BundleSchema.parse((await aidbox().request({ path, query: params, signal })).data);
    out.push(...entriesOf(page));
    url = next(page);
  }
  return out;
}

export function toPolicy(raw: unknown): AccessPolicy {
  return parseLeniently(AccessPolicySchema, raw).value;
}

export async function fetchAllPolicies(signal?: AbortSignal): Promise<AccessPolicy[]> {
  const raw = await fetchAll('/fhir/AccessPolicy', { _sort: '_id', _total: 'accurate' }, signal);
  return raw.map(toPolicy);
}

export async function fetchPolicy(id: string, signal?: AbortSignal): Promise<AccessPolicy> {
  const res = await aidbox().request({ path: `/fhir/AccessPolicy/${encodeURIComponent(id)}`, signal });
  return toPolicy(res.data);
}

/** The current version of each policy (absent from the map = deleted), in `_id=` searches. */
export async function fetchPoliciesByIds(ids: readonly string[]): Promise<Map<string, AccessPolicy>> {
  const out = new Map<string, AccessPolicy>();
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const chunk = ids.slice(i, i + IDS_PER_REQUEST);
    const res = await aidbox().request({
      path: '/fhir/AccessPolicy',
      query: { _id: chunk.join(','), _count: PAGE_SIZE },
    });
    for (const raw of entriesOf(BundleSchema.parse(res.data))) {
      const p = toPolicy(raw);
      if (p.id) out.set(p.id, p);
    }
  }
  return out;
}

/** `W/"12"`, `"12"`, `12` or a Location `…/_history/12` → `12`. */
function versionFrom(etag: unknown, location: unknown): string | undefined {
  if (typeof etag === 'string') {
    const m = /^(?:W\/)?"?([^"]+)"?$/.exec(etag.trim());
    if (m) return m[1];
  }
  if (typeof location === 'string') return /\/_history\/([^/?#]+)/.exec(location)?.[1];
  return undefined;
}

/** The version each entry wrote, from a `transaction-response` (FHIR: entry order = request order). */
export function writtenVersions(bundle: TransactionBundle, answer: unknown): Map<string, string | undefined> {
  const entries =
    typeof answer === 'object' && answer !== null && Array.isArray((answer as { entry?: unknown }).entry)
      ? ((answer as { entry: unknown[] }).entry as Record<string, unknown>[])
      : [];
  const out = new Map<string, string | undefined>();
  bundle.entry.forEach((sent, i) => {
    const got = entries[i] ?? {};
    const resource = got.resource as PolicyResource | undefined;
    const response = (got.response ?? {}) as Record<string, unknown>;
    out.set(
      sent.resource.id ?? decodeURIComponent(sent.request.url.split('/')[1] ?? ''),
      resource?.meta?.versionId ?? versionFrom(response.etag, response.location),
    );
  });
  return out;
}

/**
 * Sends the matrix's transaction Bundle. All or nothing: any failing entry (a 409/412 version
 * conflict included) rejects with an AidboxError and nothing is written. Resolves to the version
 * each policy was written at, for the after-write check (domain/matrix-verify.ts).
 */
export async function applyPolicyTransaction(
  bundle: TransactionBundle,
): Promise<Map<string, string | undefined>> {
  if (bundle.entry.length === 0) return new Map();
  const res = await aidbox().request({ method: 'POST', path: '/fhir', body: bundle, timeoutMs: 60_000 });
  return writtenVersions(bundle, res.data);
}

/** A policy's versions, newest first (docs/api/rest-api/history.md); deletion entries without a body skipped. */
export async function fetchPolicyHistory(id: string, count = 20): Promise<PolicyResource[]> {
  const res = await aidbox().request({
    path: `/fhir/AccessPolicy/${encodeURIComponent(id)}/_history`,
    query: { _count: count },
  });
  return entriesOf(BundleSchema.parse(res.data)).map(toPolicy);
}

export const policyQueries = {
  all: () => ['AccessPolicy'] as const,
  list: () =>
    queryOptions({
      queryKey: ['AccessPolicy', 'list', 'all'] as const,
      queryFn: ({ signal }) => fetchAllPolicies(signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['AccessPolicy', 'detail', id] as const,
      queryFn: ({ signal }) => fetchPolicy(id, signal),
    }),
  /** The matrix's Client rows (api/client-rows.ts), keyed under `Client` so a Client write refreshes them. */
  matrixClientsFirst: () => clientRowQueries.first(),
  /** Needs the first page (its total); only enable it when that page says there is more. */
  matrixClientsRest: (first: ClientRowsPage | undefined) => clientRowQueries.rest(first?.total, first?.next),
};

export const policyMutations = {
  /** The matrix's all-or-nothing transaction (see applyPolicyTransaction); refreshes every policy. */
  transaction: () =>
    mutationOptions({
      mutationFn: (bundle: TransactionBundle) => applyPolicyTransaction(bundle),
      meta: policyMutationMeta,
    }),
};

/**
 * Re-reads every cached policy when nothing was written but the console learned the server moved
 * on (a version conflict found before writing): writes refresh through their mutation's meta.
 */
export function refreshPolicies(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: policyQueries.all() });
}
