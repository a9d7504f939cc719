// Resource history (docs/api/rest-api/history.md) for the audit history page and the History tabs
// of the Client editor and the policy page: versions newest first with secrets fingerprinted, and a
// version-guarded restore. Keys live under the resource type, so any write to it refreshes them.
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { aidbox } from './aidbox-client.ts';
import { AidboxError } from './errors.ts';
import { BundleSchema } from './types.ts';
import type { JsonObject } from '../model/json.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type AuditedType = 'Client' | 'AccessPolicy';

export interface Version {
  versionId: string;
  lastUpdated: string | undefined;
  /** undefined for a deletion entry */
  resource: JsonObject | undefined;
}

/** SHA-256 fingerprint of a secret hash: versions can still be compared, the value never kept. */
async function fingerprint(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return `fp:${Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Versions newest first (`GET /fhir/<Type>/<id>/_history`), secrets replaced by fingerprints. */
export async function fetchHistory(type: AuditedType, id: string, signal?: AbortSignal): Promise<Version[]> {
  const res = await aidbox().request({
    path: `/fhir/${type}/${encodeURIComponent(id)}/_history`,
    query: { _count: 1000 },
    signal,
  });
  const bundle = BundleSchema.parse(res.data);
  const out: Version[] = [];
  for (const entry of bundle.entry ?? []) {
    const raw = entry.resource;
    const e = entry as Record<string, unknown>;
    const response = isRecord(e.response) ? e.response : {};
    let resource: JsonObject | undefined;
    if (isRecord(raw)) {
      // Parsed from the response's JSON text, so every member is JSON.
      resource = { ...raw } as JsonObject;
      if (typeof resource.secret === 'string') resource.secret = await fingerprint(resource.secret);
    }
    const meta = resource && isRecord(resource.meta) ? resource.meta : {};
    const versionId =
      typeof meta.versionId === 'string'
        ? meta.versionId
        : typeof response.etag === 'string'
          ? response.etag.replace(/^W\/"?|"$/g, '')
          : '';
    const lastUpdated =
      typeof meta.lastUpdated === 'string'
        ? meta.lastUpdated
        : typeof response.lastModified === 'string'
          ? response.lastModified
          : undefined;
    out.push({ versionId, lastUpdated, resource });
  }
  return out.sort(
    (a, b) =>
      Number(b.versionId) - Number(a.versionId) || (b.lastUpdated ?? '').localeCompare(a.lastUpdated ?? ''),
  );
}

/**
 * Restores fields with a merge-PATCH guarded by the CURRENT version: a change made since the
 * history was read fails with a conflict (409 or 412) instead of being overwritten.
 */
export async function restoreVersion(
  type: AuditedType,
  id: string,
  mergePatch: Record<string, unknown>,
  currentVersionId: string,
): Promise<string | undefined> {
  if (!currentVersionId) {
    throw new AidboxError({ kind: 'conflict', status: 412, method: 'PATCH', path: `/fhir/${type}/${id}` });
  }
  const res = await aidbox().request({
    method: 'PATCH',
    path: `/fhir/${type}/${encodeURIComponent(id)}`,
    body: mergePatch,
    contentType: 'application/merge-patch+json',
    headers: { 'If-Match': `W/"${currentVersionId}"` },
  });
  const meta = isRecord(res.data) && isRecord(res.data.meta) ? res.data.meta : {};
  return typeof meta.versionId === 'string' ? meta.versionId : res.etagVersion;
}

export const historyQueries = {
  versions: (type: AuditedType, id: string) =>
    queryOptions({
      queryKey: [type, 'history', id] as const,
      queryFn: ({ signal }) => fetchHistory(type, id, signal),
    }),
};

export interface RestoreVariables {
  mergePatch: Record<string, unknown>;
  currentVersionId: string;
}

export const historyMutations = {
  /** A restore refreshes everything cached about that resource type (lists, details, history). */
  restore: (type: AuditedType, id: string) =>
    mutationOptions({
      mutationFn: (v: RestoreVariables) => restoreVersion(type, id, v.mergePatch, v.currentVersionId),
      meta: { invalidates: [[type]] },
    }),
};
