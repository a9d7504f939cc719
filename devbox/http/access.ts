// accessControl: authenticates every /fhir request (Bearer or Basic) and authorizes it with
// AccessPolicies (aidbox-api.md §2.3-2.4). Also answers ?__debug=policy in dev mode and gives the
// transaction handler `authorizeSubrequest` to check each Bundle entry with the same identity.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { authenticate, type Identity } from '../auth/identity.ts';
import { scopesAllow } from '../auth/scope-enforcement.ts';
import type { DevboxContext } from '../context.ts';
import { decide, loadPolicies } from '../policy/decide.ts';
import { debugFieldFor, debugRequest, formatResult, tracePolicies } from '../policy/debug.ts';
import { buildRequest } from '../policy/request.ts';
import type { PolicyRequest } from '../policy/types.ts';
import { fail, outcome } from './outcome.ts';

export interface Subrequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export type AuthorizeSubrequest = (req: Subrequest) => Promise<boolean>;

declare module 'hono' {
  interface ContextVariableMap {
    authorizeSubrequest: AuthorizeSubrequest;
    identity: Identity;
  }
}

const DEBUG_PARAMS = ['__debug', '_debug'];
export const DEV_MODE_HINT = 'set BOX_SECURITY_DEV_MODE=true to enable';

export function forbidden(c: Context) {
  return c.json(
    outcome([{ severity: 'fatal', code: 'forbidden', diagnostics: 'Forbidden' }], 'forbidden'),
    403,
  );
}

export function unauthorized(c: Context, diagnostics: string) {
  c.header('WWW-Authenticate', 'Bearer realm="devbox", Basic realm="devbox"');
  return fail(c, 401, 'login', diagnostics);
}

export function headerMap(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => (out[k] = v));
  return out;
}

export function remoteAddr(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not running under @hono/node-server (app.request in unit tests)
  }
}

/** JSON body for policies; skipped when large (the FHIR layer answers 413) or not JSON. */
async function readBody(c: Context, maxBytes: number): Promise<unknown> {
  const m = c.req.method;
  if (m !== 'POST' && m !== 'PUT' && m !== 'PATCH') return undefined;
  const len = Number(c.req.header('content-length') ?? NaN);
  if (!Number.isFinite(len) || len > maxBytes) return undefined;
  if (!/json/i.test(c.req.header('content-type') ?? 'json')) return undefined;
  try {
    return JSON.parse(await c.req.text()) as unknown; // c.req caches the text for the FHIR layer
  } catch {
    return undefined; // malformed JSON: the FHIR layer answers 400
  }
}

export function accessControl(ctx: DevboxContext): MiddlewareHandler {
  return async (c, next) => {
    const auth = await authenticate(ctx, c.req.header('authorization'));
    if (!auth.ok) return unauthorized(c, auth.diagnostics);
    const identity = auth.identity;
    c.set('identity', identity);

    const url = new URL(c.req.url);
    // Self-revocation (DELETE /fhir/Session with a bearer) needs no policy; authRoutes handles it.
    const selfRevoke = c.req.method === 'DELETE' && url.pathname === '/fhir/Session' && !url.search;
    if (selfRevoke && identity.method === 'bearer') {
      return next();
    }

    const query = new URLSearchParams(url.search);
    // POST _search: policies see the form body's parameters too, as the search itself does, so a
    // parameter cannot slip past a policy by moving from the URL into the body.
    if (
      c.req.method === 'POST' &&
      /\/_search$/.test(url.pathname) &&
      /form-urlencoded/i.test(c.req.header('content-type') ?? '')
    ) {
      for (const [k, v] of new URLSearchParams(await c.req.text())) query.append(k, v);
    }
    const debug = DEBUG_PARAMS.some((p) => query.get(p) === 'policy');
    for (const p of DEBUG_PARAMS) if (query.get(p) === 'policy') query.delete(p);

    const headers = headerMap(c.req.raw.headers);
    const scheme = url.protocol.replace(':', '');
    const addr = remoteAddr(c);
    const build = (method: string, path: string, q: URLSearchParams, body: unknown): PolicyRequest =>
      buildRequest({
        method,
        path,
        query: q,
        headers,
        body,
        user: identity.user,
        client: identity.client,
        jwt: identity.jwt,
        session: identity.session,
        remoteAddr: addr,
        scheme,
      });
    const request = build(c.req.method, url.pathname, query, await readBody(c, ctx.config.maxBodyBytes));

    if (debug) {
      if (!ctx.config.devMode) {
        return fail(c, 403, 'forbidden', `Policy debugging (__debug=policy) is disabled: ${DEV_MODE_HINT}`);
      }
      const { allowed, results } = await decide(ctx.store, identity, request, true);
      const field = debugFieldFor(ctx.config.reading);
      const byId = new Map((await loadPolicies(ctx.store)).map((p) => [p.id, p]));
      // "An array of existing AccessPolicies" with each one's result (debug-access-control.md).
      const policies = results.map((r) => ({ ...byId.get(r.id), ...formatResult(r, field) }));
      return c.json({ request: debugRequest(request), [field]: allowed, policies });
    }

    // SMART scopes first (atv 2 tokens only); then policies. Scopes never grant on their own.
    const scoped = (method: string, path: string, q: URLSearchParams) =>
      scopesAllow(identity.jwt, { method, path, query: q }, ctx.config.reading) !== false;
    if (!scoped(c.req.method, url.pathname, query)) return forbidden(c);

    // x-debug: policy logs every candidate's result (dev mode only, as documented).
    const trace = ctx.config.devMode && c.req.header('x-debug') === 'policy';
    const { allowed, results } = await decide(ctx.store, identity, request, trace);
    if (trace) tracePolicies(results, c.req.method, url.pathname);
    if (!allowed) return forbidden(c);

    c.set('authorizeSubrequest', async (sub: Subrequest) => {
      const path = sub.path.startsWith('/fhir') ? sub.path : `/fhir/${sub.path.replace(/^\/+/, '')}`;
      if (!scoped(sub.method, path, sub.query)) return false;
      const r = build(sub.method.toUpperCase(), path, sub.query, sub.body);
      return (await decide(ctx.store, identity, r)).allowed;
    });
    return next();
  };
}
