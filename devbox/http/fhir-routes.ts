// The /fhir surface: maps HTTP requests onto interactions (fhir-interactions.ts) and Bundles
// (fhir-transaction.ts) and writes their results.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { DevboxContext, Reading } from '../context.ts';
import { readJson } from './body.ts';
import type { DevboxEnv } from './fhir-env.ts';
import { interact } from './fhir-interactions.ts';
import { FhirError, toErrorResult } from './fhir-result.ts';
import type { FhirResult } from './fhir-result.ts';
import { presentBody } from './fhir-reading.ts';
import { processBundle } from './fhir-transaction.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

function send(c: Context, result: FhirResult, reading: Reading): Response {
  if (result.body === undefined) return c.body(null, result.status as 204, result.headers);
  return c.body(JSON.stringify(presentBody(reading, result.body)), result.status as 200, {
    ...result.headers,
    'Content-Type': 'application/json; charset=utf-8',
  });
}

/** The URL's parameters plus the form body's (application/x-www-form-urlencoded). */
async function searchForm(c: Context, query: URLSearchParams): Promise<URLSearchParams> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new FhirError(415, 'not-supported', 'POST _search needs an application/x-www-form-urlencoded body');
  }
  const merged = new URLSearchParams(query);
  for (const [k, v] of new URLSearchParams(await c.req.text())) merged.append(k, v);
  return merged;
}

export function fhirRoutes(ctx: DevboxContext): Hono<DevboxEnv> {
  const app = new Hono<DevboxEnv>();
  app.all('*', async (c) => {
    const segments = c.req.path
      .replace(/^\/fhir/, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const query = new URL(c.req.url).searchParams;
    let result: FhirResult;
    try {
      // GET or POST /fhir/<Type>/_search: a search, POST with a form body (FHIR http.html#search).
      if (
        segments.length === 2 &&
        segments[1] === '_search' &&
        (c.req.method === 'GET' || c.req.method === 'POST')
      ) {
        const params = c.req.method === 'POST' ? await searchForm(c, query) : query;
        result = await interact(ctx, ctx.store, {
          method: 'GET',
          segments: segments.slice(0, 1),
          query: params,
          body: undefined,
        });
        return send(c, result, ctx.config.reading);
      }
      const body = WITH_BODY.has(c.req.method) ? await readJson(c) : undefined;
      if (segments.length === 0) {
        if (c.req.method !== 'POST')
          throw new FhirError(405, 'not-supported', `${c.req.method} is not allowed on /fhir`);
        result = await processBundle(ctx, body, c.get('authorizeSubrequest'));
      } else {
        result = await interact(ctx, ctx.store, {
          method: c.req.method,
          segments,
          query,
          body,
          contentType: c.req.header('Content-Type'),
          ifMatch: c.req.header('If-Match'),
          ifNoneExist: c.req.header('If-None-Exist'),
          ifNoneMatch: c.req.header('If-None-Match'),
          conditionalDelete: c.req.header('x-conditional-delete'),
        });
      }
    } catch (err) {
      result = toErrorResult(err, 422, ctx.config.reading);
    }
    return send(c, result, ctx.config.reading);
  });
  return app;
}
