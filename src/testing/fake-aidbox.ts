// The one fake Aidbox of every component test: `fetch` is stubbed at the network boundary and
// answers like Aidbox's documented REST API (aidbox-api.md §4; docs/api/rest-api/crud/*.md, history.md,
// docs/api/batch-transaction.md), holding any resource type and recording every request. It is a
// fake, not devbox: where behaviour matters beyond this, e2e drives the real devbox.
import { discovery, FAKE_BASE, testPolicy, token, type FakeAuth, type TestPolicyCall } from './fake-auth.ts';
import {
  isResource,
  json,
  matches,
  mergePatch,
  outcome,
  searchset,
  str,
  type Resource,
} from './fake-search.ts';
import { requestUrl } from './request-url.ts';

export type { Resource, TestPolicyCall };
export { FAKE_BASE };

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface FakeAidbox extends FakeAuth {
  /** Every resource by type, then id, as last written. */
  resources: Map<string, Map<string, Resource>>;
  /** The Clients (the same map as `resources.get('Client')`). */
  clients: Map<string, Resource>;
  requests: Recorded[];
  /** Answer the next PATCH with this status (a concurrent writer), once. */
  failNextPatch?: { status: number; concurrent?: (c: Resource) => Resource };
  /** Writes as someone else would (a new version, in history): the next console write conflicts. */
  write(resource: Resource): Resource;
  /** Requests matching `when` wait until the returned release is called (no timers, no sleeps). */
  hold(when: (r: Recorded) => boolean): () => void;
  fetch: typeof fetch;
}

export type { FakeAuth };

const HISTORY = /^\/fhir\/(\w+)\/([^/]+)\/_history$/;

export function fakeAidbox(seed: readonly Resource[] = []): FakeAidbox {
  const resources = new Map<string, Map<string, Resource>>();
  const history = new Map<string, Resource[]>();
  const gates: { when: (r: Recorded) => boolean; open: Promise<void> }[] = [];
  let version = 100;
  const of = (type: string) => {
    let m = resources.get(type);
    if (!m) resources.set(type, (m = new Map<string, Resource>()));
    return m;
  };

  /** Stores a resource at a version; `lastUpdated` follows the version so order is visible. */
  function put(r: Resource, v: number): Resource {
    const type = str(r, 'resourceType');
    const stored = {
      ...r,
      meta: { versionId: String(v), lastUpdated: `2026-03-0${Math.min(v, 9)}T10:00:00Z` },
    };
    of(type).set(str(r, 'id'), stored);
    const key = `${type}/${str(r, 'id')}`;
    history.set(key, [...(history.get(key) ?? []), stored]);
    return stored;
  }

  /** A Client secret written through the API: the token endpoint accepts it, reads show a hash. */
  function hashSecret(type: string, id: string, body: Resource): Resource {
    if (type !== 'Client' || typeof body.secret !== 'string') return body;
    server.secrets.set(id, body.secret);
    return { ...body, secret: 'hashed' };
  }

  const versionOf = (r: Resource) => (isResource(r.meta) ? str(r.meta, 'versionId') : '');
  const guard = (current: Resource, ifMatch: string | null | undefined) =>
    ifMatch === undefined || ifMatch === null || ifMatch === '*' || ifMatch === `W/"${versionOf(current)}"`;

  /** docs/api/batch-transaction.md: all entries or none; an `ifMatch` mismatch fails the whole Bundle. */
  function transaction(bundle: Resource): Response {
    const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isResource) : [];
    const planned = entries.map((e) => {
      const req = isResource(e.request) ? e.request : {};
      const [type = '', id = ''] = str(req, 'url').split('/').map(decodeURIComponent);
      return { req, type, id, resource: isResource(e.resource) ? e.resource : {} };
    });
    for (const p of planned) {
      const current = of(p.type).get(p.id);
      if (current && !guard(current, str(p.req, 'ifMatch') || undefined))
        return outcome(409, 'conflict', `Version Id mismatch for ${p.type}/${p.id}`);
    }
    const entry = planned.map((p) => {
      const stored = put(
        hashSecret(p.type, p.id, { ...p.resource, resourceType: p.type, id: p.id }),
        ++version,
      );
      return { resource: stored, response: { status: '200', etag: `W/"${versionOf(stored)}"` } };
    });
    return json(200, { resourceType: 'Bundle', type: 'transaction-response', entry });
  }

  function rest(method: string, url: URL, headers: Headers, body: unknown): Response {
    const [, , type = '', rawId = ''] = url.pathname.split('/');
    const id = decodeURIComponent(rawId);
    const hist = HISTORY.exec(url.pathname);
    if (hist) {
      const versions = history.get(`${hist[1]}/${decodeURIComponent(hist[2]!)}`) ?? [];
      return searchset([...versions].reverse(), url.searchParams);
    }
    if (method === 'POST' && !type && isResource(body)) return transaction(body);
    if (method === 'GET' && !id) {
      return searchset(
        [...of(type).values()].filter((r) => matches(r, url.searchParams)),
        url.searchParams,
      );
    }
    if (method === 'POST' && isResource(body)) {
      if (of(type).has(str(body, 'id')))
        return outcome(409, 'conflict', `${type} ${str(body, 'id')} already exists`);
      return json(201, put(hashSecret(type, str(body, 'id'), { ...body, resourceType: type }), ++version));
    }
    const current = of(type).get(id);
    if (!current) return outcome(404, 'not-found', 'Resource not found');
    if (method === 'GET') return json(200, current);
    const fail = server.failNextPatch;
    if (method === 'PATCH' && fail) {
      server.failNextPatch = undefined;
      if (fail.concurrent) put(fail.concurrent(current), ++version);
      return outcome(fail.status, 'conflict', 'Version Id mismatch');
    }
    if (!guard(current, headers.get('if-match') ?? ''))
      return outcome(412, 'conflict', 'Version Id mismatch');
    if (method === 'PATCH' && isResource(body))
      return json(200, put(mergePatch(current, hashSecret(type, id, body)), ++version));
    if (method === 'PUT' && isResource(body))
      return json(200, put(hashSecret(type, id, { ...body, resourceType: type, id }), ++version));
    if (method === 'DELETE') {
      of(type).delete(id);
      return json(200, current);
    }
    return outcome(405, 'not-supported', 'Method not allowed');
  }

  const server: FakeAidbox = {
    resources,
    clients: of('Client'),
    requests: [],
    secrets: new Map(),
    verdict: undefined,
    testPolicyCalls: [],
    tokensIssued: 0,
    write: (r) => put(r, ++version),
    hold: (when) => {
      let release = () => {};
      const open = new Promise<void>((resolve) => (release = resolve));
      gates.push({ when, open });
      return release;
    },
    fetch: async (input, init) => {
      const url = new URL(requestUrl(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      const raw = typeof init?.body === 'string' ? init.body : undefined;
      if (url.pathname === '/config.json')
        return json(200, { aidboxUrl: FAKE_BASE, clientId: 'aidbox-console' });
      const isJson = raw !== undefined && !headers.get('content-type')?.includes('form-urlencoded');
      const body: unknown = isJson ? JSON.parse(raw) : raw;
      const recorded = { method, url, headers, body };
      server.requests.push(recorded);
      await Promise.resolve();
      for (const g of gates) if (g.when(recorded)) await g.open;
      if (url.pathname === '/.well-known/openid-configuration') return discovery();
      if (url.pathname === '/auth/token' && method === 'POST') return token(server, headers, raw ?? '');
      if (url.pathname === '/auth/test-policy' && method === 'POST') return testPolicy(server, body);
      if (url.pathname === '/Session' && method === 'DELETE') return json(200, {});
      return rest(method, url, headers, body);
    },
  };
  // Seeded in order: the first resource is version 1, the second version 2, … (no type given = Client).
  // A seeded Client's secret is kept as given and is also the one the token endpoint accepts.
  seed.forEach((r, i) => {
    const stored = put({ resourceType: 'Client', ...r }, i + 1);
    if (stored.resourceType === 'Client' && typeof r.secret === 'string')
      server.secrets.set(str(r, 'id'), r.secret);
  });
  return server;
}
