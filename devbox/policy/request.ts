// Builds the Aidbox request object that policies see (aidbox-api.md §2.4) and names the FHIR
// operation. Operation ids follow Aidbox's "Fhir*" naming; see devbox/auth/README-section.md.
import type { Resource } from '../store/types.ts';
import type { PolicyRequest } from './types.ts';

export interface Operation {
  id: string;
}

export interface RouteInfo {
  operation: Operation | undefined;
  resourceType: string | undefined;
  resourceId: string | undefined;
}

const TYPE_OPS: Record<string, string> = {
  get: 'FhirSearch',
  post: 'FhirCreate',
  put: 'FhirConditionalUpdate',
  patch: 'FhirConditionalPatch',
  delete: 'FhirConditionalDelete',
};
const INSTANCE_OPS: Record<string, string> = {
  get: 'FhirRead',
  put: 'FhirUpdate',
  patch: 'FhirPatch',
  delete: 'FhirDelete',
};

/** `path` is the URL path including the /fhir prefix, e.g. /fhir/Client/x/_history/2. */
export function routeInfo(method: string, path: string): RouteInfo {
  const m = method.toLowerCase();
  const rest = path.replace(/^\/fhir(?=\/|$)/, '');
  const seg = rest.split('/').filter(Boolean).map(decodeSegment);
  const none: RouteInfo = { operation: undefined, resourceType: undefined, resourceId: undefined };
  const op = (id: string | undefined, t?: string, i?: string): RouteInfo => ({
    operation: id ? { id } : undefined,
    resourceType: t,
    resourceId: i,
  });
  const [t, a, b, c] = seg;
  if (!t) return m === 'post' ? op('FhirTransaction') : none;
  if (t === 'metadata') return op(m === 'get' ? 'FhirMetadata' : undefined);
  if (seg.length === 1) return op(TYPE_OPS[m], t);
  if (a === '_search' && seg.length === 2)
    return op(m === 'post' || m === 'get' ? 'FhirSearch' : undefined, t);
  if (a === '_history' && seg.length === 2) return op(m === 'get' ? 'FhirTypeHistory' : undefined, t);
  if (seg.length === 2) return op(INSTANCE_OPS[m], t, a);
  if (b === '_history' && seg.length === 3) return op(m === 'get' ? 'FhirHistory' : undefined, t, a);
  if (b === '_history' && seg.length === 4 && c) return op(m === 'get' ? 'FhirVread' : undefined, t, a);
  return op(undefined, t, a);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Query params as Aidbox shows them: one value → string, repeated → array of strings. */
export function queryParams(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

export interface RequestInput {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  user: Resource | undefined;
  client: Resource | undefined;
  jwt: Record<string, unknown> | undefined;
  session: Resource | undefined;
  remoteAddr: string | undefined;
  scheme: string;
}

const REDACTED_HEADERS = new Set(['authorization', 'cookie']);

/** Header values that carry credentials are replaced, so debug output never echoes a secret. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = REDACTED_HEADERS.has(k.toLowerCase()) ? `${v.split(' ')[0] ?? ''} <redacted>`.trim() : v;
  }
  return out;
}

export function stripSecrets(r: Resource | undefined): Resource | undefined {
  if (!r) return undefined;
  const { password: _p, secret: _s, ...rest } = r;
  return rest;
}

export function buildRequest(input: RequestInput): PolicyRequest {
  const route = routeInfo(input.method, input.path);
  const params: Record<string, unknown> = { ...queryParams(input.query) };
  if (route.resourceType) params['resource/type'] = route.resourceType;
  if (route.resourceId) params['resource/id'] = route.resourceId;
  const qs = input.query.toString();
  const req: PolicyRequest = {
    'request-method': input.method.toLowerCase(),
    scheme: input.scheme,
    uri: input.path,
    'query-string': qs.length ? qs : null,
    params,
    headers: input.headers,
    'remote-addr': input.remoteAddr ?? null,
  };
  if (input.body !== undefined) {
    req.body = input.body;
    req.resource = input.body;
  }
  if (route.operation) req.operation = route.operation;
  // Policies see the secret/password hashes stripped: they have no business matching on them.
  if (input.user) req.user = stripSecrets(input.user);
  if (input.client) req.client = stripSecrets(input.client);
  if (input.jwt) req.jwt = input.jwt;
  if (input.session) req.session = stripSessionHashes(input.session);
  return req;
}

export function stripSessionHashes(s: Resource): Resource {
  const { access_token: _a, refresh_token: _r, authorization_code: _c, ...rest } = s;
  return rest;
}
