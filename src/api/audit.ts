// The security review's reads and writes: every Client (large pages), recent Sessions, Aidbox's own
// policy evaluation (`POST /auth/test-policy`), resource history and version-guarded restore.
// Policies come from policies.ts's `fetchAllPolicies` (one query for the whole console).
import { queryOptions } from '@tanstack/react-query';
import { aidbox, type QueryValue } from './aidbox-client.ts';
import { HAS_SECRET } from './client-secrets.ts';
import type { ClientSubject } from '../domain/client-grants.ts';
import { BundleSchema, type Bundle } from './types.ts';

export { fetchAllPolicies } from './policies.ts';

const PAGE_SIZE = 1000;

const PARALLEL_PAGES = 4;

function resourcesOf(data: unknown): Record<string, unknown>[] {
  const bundle: Bundle = BundleSchema.parse(data);
  return (bundle.entry ?? []).map((e) => e.resource).filter(isRecord);
}

/**
 * Raw resources of a search, PAGE_SIZE at a time by `_page` (never one request per resource). When
 * the first page tells the total, the rest is fetched a few pages at a time (10,000 Clients are ten
 * pages: sequentially that was most of the review's start-up at scale); otherwise by `next` links.
 */
async function fetchPages(
  path: string,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const page = (n: number) =>
    aidbox().request({ path, query: { ...query, _count: PAGE_SIZE, _page: n }, signal });
  const first = await page(1);
  const out = resourcesOf(first.data);
  const total = BundleSchema.parse(first.data).total;
  if (typeof total === 'number') {
    const pages = Math.ceil(total / PAGE_SIZE);
    for (let start = 2; start <= pages; start += PARALLEL_PAGES) {
      const batch = [];
      for (let n = start; n < start + PARALLEL_PAGES && n <= pages; n++) batch.push(page(n));
      for (const res of await Promise.all(batch)) out.push(...resourcesOf(res.data));
    }
    return out;
  }
  for (let n = 2, last = BundleSchema.parse(first.data); ; n++) {
    const hasNext = (last.link ?? []).some((l) => l.relation === 'next');
    if (!hasNext || (last.entry ?? []).length === 0) return out;
    const res = await page(n);
    last = BundleSchema.parse(res.data);
    out.push(...resourcesOf(res.data));
  }
}

/** `{reference}` from either documented link form: `{reference}` or `{resourceType, id}`. */
function referenceOf(link: Record<string, unknown>): { reference?: string } {
  if (typeof link.reference === 'string') return { reference: link.reference };
  if (typeof link.resourceType === 'string' && typeof link.id === 'string')
    return { reference: `${link.resourceType}/${link.id}` };
  return {};
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every Client, whole (the rules read any field), each with whether Aidbox holds a secret for it.
 * `secret` itself is dropped here, so no hash ever enters the query cache.
 */
export async function fetchAllClients(signal?: AbortSignal): Promise<ClientSubject[]> {
  const raw = await fetchPages('/fhir/Client', { _sort: '_id', _total: 'accurate' }, signal);
  return withSecretFlags(raw, () => fetchPages('/fhir/Client', { ...HAS_SECRET, _elements: 'id' }, signal));
}

/** The first `n` Clients by id (one page, n ≤ 1,000), flagged like fetchAllClients. */
export async function fetchFirstClients(n: number, signal?: AbortSignal): Promise<ClientSubject[]> {
  const res = await aidbox().request({
    path: '/fhir/Client',
    query: { _sort: '_id', _count: Math.min(n, PAGE_SIZE), _total: 'none' },
    signal,
  });
  const raw = resourcesOf(res.data);
  const ids = raw.map((c) => c.id).filter((id): id is string => typeof id === 'string');
  return withSecretFlags(raw, () =>
    ids.length === 0
      ? Promise.resolve([])
      : fetchPages('/fhir/Client', { _id: ids.join(','), ...HAS_SECRET, _elements: 'id' }, signal),
  );
}

/**
 * Drops each `secret` and says which Clients hold one. Where reads carry no `secret` at all (an
 * Aidbox that omits it on read, devbox's alternate reading), search (`.secret$isnull=false`, which
 * sees the stored resource) says which Clients hold one, so the secret rules still see them. The
 * resources are not parsed (10,000 of them): the rules read every field defensively.
 */
async function withSecretFlags(
  raw: Record<string, unknown>[],
  holders: () => Promise<Record<string, unknown>[]>,
): Promise<ClientSubject[]> {
  const readBack = raw.length === 0 || raw.some((c) => typeof c.secret === 'string');
  const ids = readBack ? undefined : new Set((await holders()).map((c) => c.id));
  return raw.map((c) => {
    const { secret, ...client } = c;
    const hasSecret = ids ? ids.has(client.id) : typeof secret === 'string' && secret !== '';
    return { client, hasSecret };
  });
}

export interface SessionUse {
  client?: { reference?: string };
  start?: string;
}

/**
 * Sessions started since `since`, as one listing (grouped by client later, never a search per
 * Client). `_lastUpdated` narrows the listing on the server (a Session is written when it starts,
 * so every Session started since then was updated since then); `start` then decides.
 */
export async function fetchSessionsSince(since: Date, signal?: AbortSignal): Promise<SessionUse[]> {
  const raw = await fetchPages(
    '/fhir/Session',
    { _lastUpdated: `ge${since.toISOString()}`, _elements: 'client,start', _total: 'none' },
    signal,
  );
  return raw.map((s) => {
    const client = isRecord(s.client) ? referenceOf(s.client) : {};
    return typeof s.start === 'string' ? { client, start: s.start } : { client };
  });
}

/**
 * A Client or User as an AccessPolicy sees it, for the playground's local decision: the whole
 * resource (policies may read any field) without its secret or password hash.
 */
export async function fetchPolicySubject(
  type: 'Client' | 'User',
  id: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const res = await aidbox().request({ path: `/fhir/${type}/${encodeURIComponent(id)}`, signal });
  if (!isRecord(res.data)) throw new Error(`Unexpected answer for ${type}/${id}`);
  const { secret: _s, password: _p, ...rest } = res.data;
  return rest;
}

/**
 * The review's reads, keyed under the resource type (architecture §4), so any Client write elsewhere
 * in the console refreshes them. Policies are `policyQueries.list()`, Sessions `sessionQueries.since`.
 */
export const auditQueries = {
  clients: () =>
    queryOptions({
      queryKey: ['Client', 'audit', 'all'] as const,
      queryFn: ({ signal }) => fetchAllClients(signal),
    }),
  /** The first `n` Clients by id (n ≤ 1,000: one page), for sampled reviews of large installations. */
  firstClients: (n: number) =>
    queryOptions({
      queryKey: ['Client', 'audit', 'first', n] as const,
      queryFn: ({ signal }) => fetchFirstClients(n, signal),
    }),
  /** A Client or User as a policy sees it, for the playground's local decision. */
  policySubject: (type: 'Client' | 'User', id: string) =>
    queryOptions({
      queryKey: [type, 'policy-subject', id] as const,
      queryFn: ({ signal }) => fetchPolicySubject(type, id, signal),
    }),
};
