// Which Clients hold a stored secret, asked of search where reads do not say. Aidbox does not
// document whether a read returns `secret` (devbox strict: a hash; alternate: omitted); search
// (`.secret$isnull`, docs/api/rest-api/aidbox-search.md) sees the stored resource either way.
import { aidbox } from './aidbox-client.ts';
import type { ClientRecord } from './clients.ts';
import { BundleSchema } from './types.ts';

/** Search form for "has a stored secret" (`$isnull`, docs/api/rest-api/aidbox-search.md). */
export const HAS_SECRET = { '.secret$isnull': 'false' } as const;
export const NO_SECRET = { '.secret$isnull': 'true' } as const;

/** ids per `_id=a,b,…` request, to keep URLs well under common limits */
const IDS_PER_REQUEST = 100;

/**
 * Which of these Clients hold a stored secret, asked of search (`.secret$isnull=false`), which sees
 * the stored resource even where reads omit `secret` (devbox alternate; undocumented in Aidbox).
 * For any feature that needs "has a secret" without reading one (the security review, too).
 */
export async function idsWithSecret(ids: readonly string[], signal?: AbortSignal): Promise<Set<string>> {
  const holders = new Set<string>();
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const chunk = ids.slice(i, i + IDS_PER_REQUEST);
    const res = await aidbox().request({
      path: '/fhir/Client',
      query: { _id: chunk.join(','), ...HAS_SECRET, _elements: 'id', _count: chunk.length, _total: 'none' },
      signal,
    });
    for (const e of BundleSchema.parse(res.data).entry ?? []) {
      const id = (e.resource as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') holders.add(id);
    }
  }
  return holders;
}

/**
 * Sets `hasSecret` on records read without a `secret` field. On servers that return the secret (as
 * a hash) this only asks about Clients that really have none, and confirms it.
 */
export async function resolveSecrets(records: ClientRecord[], signal?: AbortSignal): Promise<ClientRecord[]> {
  const unknown = records.filter((r) => !r.hasSecret && r.client.id).map((r) => r.client.id as string);
  if (unknown.length === 0) return records;
  const holders = await idsWithSecret(unknown, signal);
  return records.map((r) =>
    !r.hasSecret && r.client.id && holders.has(r.client.id) ? { ...r, hasSecret: true } : r,
  );
}
