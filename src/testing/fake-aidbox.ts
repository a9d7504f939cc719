// A fake Aidbox for this feature's component tests: fetch is stubbed at the network boundary and
// answers like Aidbox's /fhir REST (aidbox-api.md §4), recording every request for assertions.
import { applyMergePatch, isJsonObject, type JsonObject } from '../../domain/client-diff.ts';
import { requestUrl } from '../../testing/request-url.ts';

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface FakeAidbox {
  clients: Map<string, JsonObject>;
  requests: Recorded[];
  /** Answer the next PATCH with this status (a concurrent writer), once. */
  failNextPatch?: { status: number; concurrent?: (c: JsonObject) => JsonObject };
  fetch: typeof fetch;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const outcome = (status: number, code: string, text: string, expression?: string[]) =>
  json(status, {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics: text, ...(expression ? { expression } : {}) }],
  });

function stamp(c: JsonObject, version: number): JsonObject {
  return {
    ...c,
    meta: { versionId: String(version), lastUpdated: `2026-03-0${Math.min(version, 9)}T10:00:00Z` },
  };
}

function idOf(c: JsonObject, key = 'id'): string {
  const v = c[key];
  return typeof v === 'string' ? v : '';
}

/** The search forms the console sends, as aidbox-search.md documents them (`$contains` = ilike on the JSON text). */
function matches(c: JsonObject, params: URLSearchParams): boolean {
  const text = (v: unknown) =>
    v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
  const q = params.get('_ilike')?.toLowerCase();
  if (q && !JSON.stringify(c).toLowerCase().includes(q)) return false;
  const ids = params.get('_id');
  if (ids && !ids.split(',').includes(idOf(c))) return false;
  for (const [key, value] of params) {
    const m = /^\.([\w.]+)(?:\$(contains|isnull))?$/.exec(key);
    if (!m) continue;
    const at = text(m[1]!.split('.').reduce<unknown>((o, k) => (isJsonObject(o) ? o[k] : undefined), c));
    if (m[2] === 'isnull' && (at === undefined) !== (value === 'true')) return false;
    if (m[2] === 'contains' && !at?.toLowerCase().includes(value.toLowerCase())) return false;
    if (!m[2] && at !== value) return false;
  }
  return true;
}

export function fakeAidbox(seed: JsonObject[]): FakeAidbox {
  const clients = new Map(seed.map((c, i) => [idOf(c), stamp({ resourceType: 'Client', ...c }, i + 1)]));
  let version = 100;
  const server: FakeAidbox = {
    clients,
    requests: [],
    fetch: async (input, init) => {
      const url = new URL(requestUrl(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      if (url.pathname === '/config.json')
        return json(200, { aidboxUrl: 'http://box', clientId: 'aidbox-console' });
      server.requests.push({ method, url, headers, body });
      await Promise.resolve();
      const id = decodeURIComponent(url.pathname.split('/')[3] ?? '');
      // Only Clients live here: other searches (the list's Risks read policies and Sessions) find nothing.
      if (method === 'GET' && !id && url.pathname !== '/fhir/Client') {
        return json(200, { resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });
      }
      if (method === 'GET' && !id) {
        const all = [...clients.values()].filter((c) => matches(c, url.searchParams));
        return json(200, {
          resourceType: 'Bundle',
          type: 'searchset',
          total: all.length,
          entry: all.map((resource) => ({ resource })),
        });
      }
      if (method === 'POST') {
        const c = body as JsonObject;
        if (clients.has(idOf(c))) return outcome(409, 'conflict', `Client ${idOf(c)} already exists`);
        const stored = stamp(c, ++version);
        clients.set(idOf(c), stored);
        return json(201, { ...stored, secret: 'hashed' });
      }
      const current = clients.get(id);
      if (!current) return outcome(404, 'not-found', 'Resource not found');
      if (method === 'GET') return json(200, current);
      const ifMatch = headers.get('if-match');
      const fail = server.failNextPatch;
      if (method === 'PATCH' && fail) {
        server.failNextPatch = undefined;
        if (fail.concurrent) clients.set(id, stamp(fail.concurrent(current), ++version));
        return outcome(fail.status, 'conflict', 'Version Id mismatch');
      }
      if (ifMatch !== `W/"${idOf(current.meta as JsonObject, 'versionId')}"`)
        return outcome(412, 'conflict', 'Version Id mismatch');
      if (method === 'PATCH') {
        const next = applyMergePatch(current, body as JsonObject);
        const stored = stamp(isJsonObject(next) ? next : current, ++version);
        clients.set(id, stored);
        return json(200, stored);
      }
      if (method === 'DELETE') {
        clients.delete(id);
        return json(200, current);
      }
      return outcome(405, 'not-supported', 'Method not allowed');
    },
  };
  return server;
}
