// POST /auth/test-policy (aidbox-api.md §2.7): evaluates an unsaved policy against a described
// request. Dev mode only; the caller must authenticate and be allowed by the AccessPolicies to
// call it, because sql policies can probe any table.
import type { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { authenticate } from '../auth/identity.ts';
import type { DevboxContext } from '../context.ts';
import { decide } from '../policy/decide.ts';
import { debugRequest, formatResult } from '../policy/debug.ts';
import { evaluateRule } from '../policy/evaluate.ts';
import { isRecord } from '../policy/path.ts';
import { buildRequest, routeInfo } from '../policy/request.ts';
import type { Resource } from '../store/types.ts';
import { DEV_MODE_HINT, forbidden, headerMap, remoteAddr, unauthorized } from './access.ts';
import { fail } from './outcome.ts';

async function resolve(ctx: DevboxContext, type: 'User' | 'Client', inline: unknown, id: unknown) {
  if (isRecord(inline))
    return { resourceType: type, id: typeof inline.id === 'string' ? inline.id : '', ...inline } as Resource;
  if (typeof id === 'string' && id) return ctx.store.read(type, id);
  return undefined;
}

export function mountTestPolicy(app: Hono, ctx: DevboxContext): void {
  app.post('/auth/test-policy', async (c) => {
    if (!ctx.config.devMode)
      return fail(c, 404, 'not-found', `/auth/test-policy is disabled: ${DEV_MODE_HINT}`);
    const auth = await authenticate(ctx, c.req.header('authorization'));
    if (!auth.ok) return unauthorized(c, auth.diagnostics);
    const url = new URL(c.req.url);
    const self = buildRequest({
      method: 'POST',
      path: url.pathname,
      query: url.searchParams,
      headers: headerMap(c.req.raw.headers),
      body: undefined,
      user: auth.identity.user,
      client: auth.identity.client,
      jwt: auth.identity.jwt,
      session: auth.identity.session,
      remoteAddr: remoteAddr(c),
      scheme: url.protocol.replace(':', ''),
    });
    if (!(await decide(ctx.store, auth.identity, self)).allowed) return forbidden(c);

    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return fail(c, 400, 'invalid', 'Body must be JSON: {request, policy}');
    }
    if (!isRecord(body) || !isRecord(body.request) || !isRecord(body.policy)) {
      return fail(c, 422, 'invalid', 'Body must be {request: {...}, policy: {...}}', ['request', 'policy']);
    }
    const r = body.request;
    const rawUri = typeof r.uri === 'string' ? r.uri : '/';
    const target = new URL(rawUri, 'http://devbox.invalid');
    const method = typeof r['request-method'] === 'string' ? r['request-method'] : 'get';
    const headers: Record<string, string> = {};
    if (isRecord(r.headers))
      for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    // As documented: a JWT in headers.authorization is parsed, not validated.
    let jwt: Record<string, unknown> | undefined;
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (bearer) {
      try {
        jwt = decodeJwt(bearer);
      } catch {
        jwt = undefined;
      }
    }
    const request = buildRequest({
      method,
      path: target.pathname,
      query: target.searchParams,
      headers,
      body: r.body,
      user: await resolve(ctx, 'User', r.user, r['user-id']),
      client: await resolve(ctx, 'Client', r.client, r['client-id']),
      jwt,
      session: undefined,
      remoteAddr: undefined,
      scheme: 'http',
    });
    if (isRecord(r.params)) request.params = { ...(request.params as Record<string, unknown>), ...r.params };
    const result = await evaluateRule(ctx.store, body.policy, request);
    return c.json({
      request: debugRequest(request),
      operation: routeInfo(method, target.pathname).operation ?? null,
      policy: body.policy,
      // debug-access-control.md: `result.eval-result`, `result.query` = [SQL with ?, param…].
      result: formatResult(result, 'eval-result'),
    });
  });
}
