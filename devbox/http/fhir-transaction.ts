// POST /fhir with a transaction or batch Bundle. A transaction runs every entry in one database
// transaction and rolls everything back on the first failing entry; a batch runs entries
// independently. Entries are authorized before any write starts: the policy engine reads the same
// single-connection database and would wait forever on an open transaction.
import { randomUUID } from 'node:crypto';
import type { DevboxContext } from '../context.ts';
import type { Store } from '../store/types.ts';
import type { AuthorizeSubrequest } from './fhir-env.ts';
import { interact } from './fhir-interactions.ts';
import { FhirError, errorResult } from './fhir-result.ts';
import type { FhirRequest, FhirResult } from './fhir-result.ts';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
};

interface Entry {
  fullUrl: string | undefined;
  request: FhirRequest;
  label: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `honourIfMatch` false = the alternate reading, where entry.request.ifMatch is ignored. */
function parseEntry(raw: unknown, i: number, honourIfMatch: boolean): Entry {
  const at = `Bundle.entry[${i}]`;
  if (!isObject(raw) || !isObject(raw.request))
    throw new FhirError(422, 'invalid', `${at}.request is required`, [`${at}.request`]);
  const { method, url, ifMatch, ifNoneExist } = raw.request;
  if (typeof method !== 'string' || !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
    throw new FhirError(422, 'invalid', `${at}.request.method must be GET, POST, PUT, PATCH or DELETE`, [
      `${at}.request.method`,
    ]);
  }
  if (typeof url !== 'string' || url.trim() === '') {
    throw new FhirError(422, 'invalid', `${at}.request.url is required`, [`${at}.request.url`]);
  }
  const parsed = new URL(url.replace(/^\/?(fhir\/)?/, '/'), 'http://entry.invalid');
  const segments = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0)
    throw new FhirError(422, 'invalid', `${at}: nested Bundles are not supported`, [`${at}.request.url`]);
  return {
    fullUrl: typeof raw.fullUrl === 'string' ? raw.fullUrl : undefined,
    label: `entry[${i}] (${method} ${url})`,
    request: {
      method,
      segments,
      query: parsed.searchParams,
      body: raw.resource,
      contentType: undefined,
      ifMatch: honourIfMatch && typeof ifMatch === 'string' ? ifMatch : undefined,
      ifNoneExist: typeof ifNoneExist === 'string' ? ifNoneExist : undefined,
    },
  };
}

/** Gives POSTed urn:uuid entries their ids up front and rewrites every `reference` to them. */
function resolveUrnReferences(entries: Entry[]): void {
  const map = new Map<string, string>();
  for (const e of entries) {
    if (!e.fullUrl?.startsWith('urn:uuid:') || e.request.method !== 'POST' || !isObject(e.request.body))
      continue;
    const body = e.request.body;
    if (typeof body.id !== 'string') body.id = randomUUID();
    map.set(e.fullUrl, `${e.request.segments[0]}/${String(body.id)}`);
  }
  if (map.size === 0) return;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === 'reference' && typeof v === 'string' ? (map.get(v) ?? v) : walk(v),
      ]),
    );
  };
  for (const e of entries) e.request.body = walk(e.request.body);
}

function responseEntry(result: FhirResult) {
  const status = `${result.status} ${STATUS_TEXT[result.status] ?? ''}`.trim();
  const h = result.headers;
  const isOutcome = isObject(result.body) && result.body.resourceType === 'OperationOutcome';
  return {
    ...(result.body !== undefined && !isOutcome ? { resource: result.body } : {}),
    response: {
      status,
      ...(h.Location ? { location: h.Location } : {}),
      ...(h.ETag ? { etag: h.ETag } : {}),
      ...(h['Last-Modified'] ? { lastModified: h['Last-Modified'] } : {}),
      ...(isOutcome ? { outcome: result.body } : {}),
    },
  };
}

class EntryFailed extends Error {
  constructor(
    readonly result: FhirResult,
    readonly label: string,
  ) {
    super(label);
  }
}

async function authorize(authz: AuthorizeSubrequest | undefined, e: Entry): Promise<boolean> {
  if (!authz) return true;
  const path = `/fhir/${e.request.segments.map(encodeURIComponent).join('/')}`;
  return authz({ method: e.request.method, path, query: e.request.query, body: e.request.body });
}

export async function processBundle(
  ctx: DevboxContext,
  body: unknown,
  authz: AuthorizeSubrequest | undefined,
): Promise<FhirResult> {
  if (!isObject(body) || body.resourceType !== 'Bundle') {
    throw new FhirError(422, 'invalid', 'POST /fhir expects a Bundle', ['Bundle.resourceType']);
  }
  if (body.type !== 'transaction' && body.type !== 'batch') {
    throw new FhirError(422, 'invalid', 'Bundle.type must be transaction or batch', ['Bundle.type']);
  }
  const raw = body.entry ?? [];
  if (!Array.isArray(raw))
    throw new FhirError(422, 'invalid', 'Bundle.entry must be an array', ['Bundle.entry']);

  const honourIfMatch = ctx.config.reading === 'strict';
  if (body.type === 'batch') {
    const out = [];
    for (const [i, item] of raw.entries()) {
      let result: FhirResult;
      try {
        const e = parseEntry(item, i, honourIfMatch);
        result = (await authorize(authz, e))
          ? await interact(ctx, ctx.store, e.request)
          : errorResult(403, 'forbidden', `Forbidden: ${e.label}`);
      } catch (err) {
        if (!(err instanceof FhirError)) throw err;
        result = errorResult(err.status, err.code, err.message, err.expression);
      }
      out.push(responseEntry(result));
    }
    return { status: 200, headers: {}, body: { resourceType: 'Bundle', type: 'batch-response', entry: out } };
  }

  const entries = raw.map((item, i) => parseEntry(item, i, honourIfMatch));
  resolveUrnReferences(entries);
  for (const e of entries) {
    if (!(await authorize(authz, e))) return errorResult(403, 'forbidden', `Forbidden: ${e.label}`);
  }
  try {
    const results = await ctx.store.transaction(async (tx: Store) => {
      const done: FhirResult[] = [];
      for (const e of entries) {
        const result = await interact({ ...ctx, store: tx }, tx, e.request);
        if (result.status >= 400) throw new EntryFailed(result, e.label);
        done.push(result);
      }
      return done;
    });
    return {
      status: 200,
      headers: {},
      body: { resourceType: 'Bundle', type: 'transaction-response', entry: results.map(responseEntry) },
    };
  } catch (err) {
    if (!(err instanceof EntryFailed)) throw err;
    const issue = (
      err.result.body as { issue?: { code?: string; diagnostics?: string; expression?: string[] }[] }
    ).issue?.[0];
    return errorResult(
      err.result.status,
      issue?.code ?? 'processing',
      `Transaction failed at ${err.label}: ${issue?.diagnostics ?? 'error'}. Nothing was written.`,
      issue?.expression ?? [],
    );
  }
}
