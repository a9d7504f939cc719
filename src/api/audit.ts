// The security review's reads and writes: every Client (large pages), recent Sessions, Aidbox's own
// policy evaluation (`POST /auth/test-policy`), resource history and version-guarded restore.
// Policies come from policies.ts's `fetchAllPolicies` (one query for the whole console).
import { aidbox, type QueryValue } from './aidbox-client.ts';
import { AidboxError, isAidboxError } from './errors.ts';
import { BundleSchema, type Bundle } from './types.ts';

export { fetchAllPolicies } from './policies.ts';

const PAGE_SIZE = 1000;

/** Raw resources of a search, PAGE_SIZE at a time by `_page` (never one request per resource). */
async function fetchPages(
  path: string,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const res = await aidbox().request({ path, query: { ...query, _count: PAGE_SIZE, _page: page }, signal });
    const bundle: Bundle = BundleSchema.parse(res.data);
    const entries = (bundle.entry ?? []).map((e) => e.resource).filter(isRecord);
    out.push(...entries);
    const hasNext = (bundle.link ?? []).some((l) => l.relation === 'next');
    if (!hasNext || entries.length === 0) return out;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a stored secret is replaced by: the rules need to know one exists, never its value. */
export const SECRET_PRESENT = '(stored)';

/**
 * Every Client, whole (the rules read any field), with `secret` replaced by a marker so no hash
 * ever enters the query cache.
 */
export async function fetchAllClients(signal?: AbortSignal): Promise<Record<string, unknown>[]> {
  const raw = await fetchPages('/fhir/Client', { _sort: '_id', _total: 'none' }, signal);
  return raw.map((c) => {
    const { secret, ...rest } = c;
    return typeof secret === 'string' && secret !== '' ? { ...rest, secret: SECRET_PRESENT } : rest;
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
    const client =
      isRecord(s.client) && typeof s.client.reference === 'string' ? { reference: s.client.reference } : {};
    return typeof s.start === 'string' ? { client, start: s.start } : { client };
  });
}

/** `/auth/test-policy` is refused: dev mode off (404) or the caller not allowed to use it (403). */
export class TestPolicyUnavailable extends Error {
  constructor(
    readonly reason: 'dev-mode' | 'forbidden',
    readonly diagnostics: string,
  ) {
    super(`POST /auth/test-policy refused (${reason}): ${diagnostics}`);
    this.name = 'TestPolicyUnavailable';
  }
}

export interface TestPolicyRequest {
  uri: string;
  'request-method': string;
  body?: unknown;
  'client-id'?: string;
}

/**
 * The verdict in a test-policy answer. Aidbox's pages spell it `eval-result` (debug-access-control.md,
 * under `result`) and `evalResult` (the `__debug=policy` output); both are read, under `result` or
 * at the top level, so either reading of an undocumented detail works.
 */
export function evalResultOf(data: unknown): boolean | undefined {
  if (!isRecord(data)) return undefined;
  for (const holder of [data.result, data]) {
    if (!isRecord(holder)) continue;
    const v = holder['eval-result'] ?? holder.evalResult;
    if (typeof v === 'boolean') return v;
  }
  return undefined;
}

export type TestPolicyMode =
  { available: true } | { available: false; reason: 'dev-mode' | 'forbidden' | 'error'; diagnostics: string };

/**
 * Whether Aidbox answers `/auth/test-policy` for this user (asked once, with an `allow` policy
 * that touches nothing): dev mode off answers 404, a caller without the rule 403.
 */
export async function detectTestPolicy(signal?: AbortSignal): Promise<TestPolicyMode> {
  try {
    await testPolicy({ uri: '/fhir/metadata', 'request-method': 'get' }, { engine: 'allow' }, signal);
    return { available: true };
  } catch (e) {
    if (e instanceof TestPolicyUnavailable)
      return { available: false, reason: e.reason, diagnostics: e.diagnostics };
    if (signal?.aborted) throw e;
    return { available: false, reason: 'error', diagnostics: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Aidbox's own verdict for one policy on one described request (aidbox-api.md §2.7). Resolves to
 * the `eval-result`; a refused endpoint rejects with TestPolicyUnavailable so the page can explain.
 */
export async function testPolicy(
  request: TestPolicyRequest,
  policy: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const res = await aidbox().request({
      method: 'POST',
      path: '/auth/test-policy',
      body: { request, policy },
      signal,
      timeoutMs: 30_000,
    });
    const verdict = evalResultOf(res.data);
    if (verdict === undefined) throw new Error('Unexpected answer from /auth/test-policy (no eval-result)');
    return verdict;
  } catch (e) {
    if (isAidboxError(e) && (e.status === 404 || e.status === 405))
      throw new TestPolicyUnavailable('dev-mode', e.diagnostics);
    if (isAidboxError(e) && e.status === 403) throw new TestPolicyUnavailable('forbidden', e.diagnostics);
    throw e;
  }
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

export type AuditedType = 'Client' | 'AccessPolicy';

export interface Version {
  versionId: string;
  lastUpdated: string | undefined;
  /** undefined for a deletion entry */
  resource: Record<string, unknown> | undefined;
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
    let resource: Record<string, unknown> | undefined;
    if (isRecord(raw)) {
      resource = { ...raw };
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
