/**
 * The request object Aidbox evaluates policies against (docs/access-control/authorization/
 * access-policies.md, "Request object structure"), built for a described request the way
 * `POST /auth/test-policy` builds it (docs/tutorials/security-access-control-tutorials/
 * debug-access-control.md): method, uri, params (query params plus the route's `resource/type` and
 * `resource/id`), body and resource, the operation, and the Client and User resources. What only a
 * live connection has (headers, JWT, session, remote address, scheme) is absent, as in test-policy;
 * rules that read those are left to Aidbox (see `connectionKey` in evaluate.ts).
 */
import type { RequestObject } from './types.ts';

export interface Route {
  operationId: string | undefined;
  resourceType: string | undefined;
  resourceId: string | undefined;
}

/** Operation ids of the FHIR API (aidbox-api.md §2.4, accesspolicy-best-practices.md). */
const TYPE_LEVEL: Record<string, string> = {
  get: 'FhirSearch',
  post: 'FhirCreate',
  put: 'FhirConditionalUpdate',
  patch: 'FhirConditionalPatch',
  delete: 'FhirConditionalDelete',
};
const INSTANCE_LEVEL: Record<string, string> = {
  get: 'FhirRead',
  put: 'FhirUpdate',
  patch: 'FhirPatch',
  delete: 'FhirDelete',
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Which FHIR operation a method and path (with the `/fhir` prefix) name. */
export function routeOf(method: string, path: string): Route {
  const m = method.toLowerCase();
  const seg = path
    .replace(/^\/fhir(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map(decode);
  const route = (operationId: string | undefined, resourceType?: string, resourceId?: string): Route => ({
    operationId,
    resourceType,
    resourceId,
  });
  const [type, a, b, c] = seg;
  if (type === undefined) return route(m === 'post' ? 'FhirTransaction' : undefined);
  if (type === 'metadata') return route(m === 'get' ? 'FhirMetadata' : undefined);
  if (seg.length === 1) return route(TYPE_LEVEL[m], type);
  if (a === '_search' && seg.length === 2)
    return route(m === 'get' || m === 'post' ? 'FhirSearch' : undefined, type);
  if (a === '_history' && seg.length === 2) return route(m === 'get' ? 'FhirTypeHistory' : undefined, type);
  if (seg.length === 2) return route(INSTANCE_LEVEL[m], type, a);
  if (b === '_history' && seg.length === 3) return route(m === 'get' ? 'FhirHistory' : undefined, type, a);
  if (b === '_history' && seg.length === 4 && c) return route(m === 'get' ? 'FhirVread' : undefined, type, a);
  return route(undefined, type, a);
}

/** Query params as Aidbox shows them: one value → a string, a repeated one → an array. */
export function queryParams(query: string): Record<string, string | string[]> {
  const sp = new URLSearchParams(query);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

/** A Client or User as a policy sees it: secrets and password hashes are never part of it. */
export function asSubject(resource: Record<string, unknown>): Record<string, unknown> {
  const { secret: _s, password: _p, ...rest } = resource;
  return rest;
}

export interface RequestParts {
  method: string;
  /** The path with its `/fhir` prefix, without the query string. */
  path: string;
  /** The query string without "?" (may be empty). */
  query?: string;
  body?: unknown;
  client?: Record<string, unknown> | undefined;
  user?: Record<string, unknown> | undefined;
}

export function buildRequestObject(parts: RequestParts): RequestObject {
  const route = routeOf(parts.method, parts.path);
  const params: Record<string, unknown> = { ...queryParams(parts.query ?? '') };
  if (route.resourceType !== undefined) params['resource/type'] = route.resourceType;
  if (route.resourceId !== undefined) params['resource/id'] = route.resourceId;
  const query = new URLSearchParams(parts.query ?? '').toString();
  const req: RequestObject = {
    'request-method': parts.method.toLowerCase(),
    uri: parts.path,
    'query-string': query === '' ? null : query,
    params,
  };
  if (parts.body !== undefined) {
    req.body = parts.body;
    req.resource = parts.body;
  }
  if (route.operationId !== undefined) req.operation = { id: route.operationId };
  if (parts.user) req.user = asSubject(parts.user);
  if (parts.client) req.client = asSubject(parts.client);
  return req;
}
