// Aidbox `Client` resources: every query key, queryOptions and mutationOptions (meta.invalidates),
// and the fetchers behind them. The `secret` never enters the query cache: reads strip it and keep
// only `hasSecret` (client-secrets.ts asks search where reads do not say); writes that carry a
// secret close over it (clientMutations.create/rotate).
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { aidbox, type AidboxResponse } from './aidbox-client.ts';
import { AidboxError } from './errors.ts';
import type { InvalidatesMeta } from './query-meta.ts';
import { parseLeniently } from './resource-parse.ts';
import { ClientSchema, type StoredClient } from '../model/client.ts';
import { resolveSecrets } from './client-secrets.ts';
import { BundleSchema } from './types.ts';

export type { StoredClient };

export interface ClientListParams {
  /** `_ilike` substring search over the whole resource */
  q?: string;
  count?: number;
  /** 1-based */
  page?: number;
  /** Aidbox `_sort`, e.g. `-_lastUpdated`, `.name` */
  sort?: string;
  /** Extra search params passed through as given, e.g. `{'.grant_types$contains': 'implicit'}` */
  filters?: Record<string, string>;
}

export interface ClientRecord {
  client: StoredClient;
  /** meta.versionId or the ETag version; undefined only if the server sent neither */
  versionId: string | undefined;
  hasSecret: boolean;
  /** fields whose shape the console does not understand (left out of `client`, untouched on save) */
  invalidFields: string[];
}

export interface ClientListPage {
  clients: ClientRecord[];
  total: number | undefined;
  page: number;
  count: number;
  hasNext: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Meta for every mutation that writes Clients (see query-meta.ts). */
export const clientMutationMeta: InvalidatesMeta = { invalidates: [['Client']] };

export function toClientRecord(raw: unknown, etagVersion?: string): ClientRecord {
  const { value, invalidFields } = parseLeniently(ClientSchema, raw);
  const { secret, ...client } = value;
  return {
    client,
    versionId: client.meta?.versionId ?? etagVersion,
    hasSecret: typeof secret === 'string' && secret !== '',
    invalidFields,
  };
}

function listQuery(params: ClientListParams): Record<string, string | number> {
  const query: Record<string, string | number> = {
    _count: params.count ?? DEFAULT_PAGE_SIZE,
    _page: params.page ?? 1,
    _elements: '-secret',
    _total: 'accurate',
  };
  if (params.q?.trim()) query._ilike = params.q.trim();
  if (params.sort) query._sort = params.sort;
  for (const [key, value] of Object.entries(params.filters ?? {})) query[key] = value;
  return query;
}

export async function fetchClientList(
  params: ClientListParams,
  signal?: AbortSignal,
): Promise<ClientListPage> {
  const res = await aidbox().request({ path: '/fhir/Client', query: listQuery(params), signal });
  const bundle = BundleSchema.parse(res.data);
  const clients = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r) => r !== undefined)
    .map((r) => toClientRecord(r));
  return {
    clients: await resolveSecrets(clients, signal),
    total: bundle.total,
    page: params.page ?? 1,
    count: params.count ?? DEFAULT_PAGE_SIZE,
    hasNext: (bundle.link ?? []).some((l) => l.relation === 'next'),
  };
}

export async function fetchClient(id: string, signal?: AbortSignal): Promise<ClientRecord> {
  const res = await aidbox().request({ path: `/fhir/Client/${encodeURIComponent(id)}`, signal });
  const [record] = await resolveSecrets([toClientRecord(res.data, res.etagVersion)], signal);
  return record!;
}

export const clientQueries = {
  all: () => ['Client'] as const,
  lists: () => ['Client', 'list'] as const,
  list: (params: ClientListParams) =>
    queryOptions({
      queryKey: ['Client', 'list', params] as const,
      queryFn: ({ signal }) => fetchClientList(params, signal),
      placeholderData: (previous) => previous,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['Client', 'detail', id] as const,
      queryFn: ({ signal }) => fetchClient(id, signal),
    }),
};

function ifMatch(versionId: string): Record<string, string> {
  return { 'If-Match': `W/"${versionId}"` };
}

async function fromWrite(res: AidboxResponse): Promise<ClientRecord> {
  const [record] = await resolveSecrets([toClientRecord(res.data, res.etagVersion)]);
  return record!;
}

/**
 * Creates a Client with the id the admin chose (POST honours a body id). A duplicate id fails with
 * an AidboxError whose `reason` is `'exists'`; the existing Client is untouched.
 */
export async function createClient<T extends { resourceType: 'Client'; id: string }>(
  resource: T,
): Promise<ClientRecord> {
  const res = await aidbox().request({ method: 'POST', path: '/fhir/Client', body: resource });
  const record = toClientRecord(res.data, res.etagVersion);
  if (record.client.id !== resource.id) {
    // A server that ignores body ids on POST (plain FHIR) would have minted a new id: say so loudly.
    throw new AidboxError({
      kind: 'invalid',
      status: res.status,
      method: 'POST',
      path: '/fhir/Client',
      issues: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: `Server stored the Client as '${record.client.id ?? '?'}', not '${resource.id}'`,
        },
      ],
    });
  }
  const [resolved] = await resolveSecrets([record]);
  return resolved!;
}

/** Merge-PATCH of the changed paths only, guarded by the version the form was loaded from. */
export async function patchClient(
  id: string,
  mergePatch: Record<string, unknown>,
  versionId: string,
): Promise<ClientRecord> {
  const res = await aidbox().request({
    method: 'PATCH',
    path: `/fhir/Client/${encodeURIComponent(id)}`,
    body: mergePatch,
    contentType: 'application/merge-patch+json',
    headers: ifMatch(versionId),
  });
  return fromWrite(res);
}

export async function deleteClient(id: string, versionId: string): Promise<void> {
  await aidbox().request({
    method: 'DELETE',
    path: `/fhir/Client/${encodeURIComponent(id)}`,
    headers: ifMatch(versionId),
  });
}

export function setClientActive(id: string, active: boolean, versionId: string): Promise<ClientRecord> {
  return patchClient(id, { active }, versionId);
}

export interface SetActiveVariables {
  id: string;
  active: boolean;
  versionId: string;
}

/**
 * Every Client write, invalidating through `meta` (src/app/query-client.ts). Writes that carry a
 * secret (`create`, `rotate`) take it when the options are built and close over it: it is never a
 * mutation variable, so the mutation cache never holds it (run them with runMutation).
 */
export const clientMutations = {
  setActive: () =>
    mutationOptions({
      mutationFn: (v: SetActiveVariables) => setClientActive(v.id, v.active, v.versionId),
      meta: clientMutationMeta,
    }),
  remove: () =>
    mutationOptions({
      mutationFn: (v: { id: string; versionId: string }) => deleteClient(v.id, v.versionId),
      meta: clientMutationMeta,
    }),
  patch: () =>
    mutationOptions({
      mutationFn: (v: { id: string; patch: Record<string, unknown>; versionId: string }) =>
        patchClient(v.id, v.patch, v.versionId),
      meta: clientMutationMeta,
    }),
  create: (resource: { resourceType: 'Client'; id: string; secret?: string }) =>
    mutationOptions({ mutationFn: () => createClient(resource), meta: clientMutationMeta }),
  /** The rotation's merge-patch holds the new secret; the PATCH is guarded by `versionId`. */
  rotate: (id: string, rotationPatch: Record<string, unknown>, versionId: string) =>
    mutationOptions({
      mutationFn: () => patchClient(id, rotationPatch, versionId),
      meta: clientMutationMeta,
    }),
};

/**
 * Re-reads every cached Client when a write's outcome was learned another way (an answer lost in
 * transit that did land): writes that answer refresh through their mutation's meta.
 */
export function refreshClients(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: clientQueries.all() });
}
