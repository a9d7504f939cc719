// One FHIR interaction (read, vread, create, update, patch, delete, history, search) against a
// Store. Used by the REST routes with the main store and by transactions with the transaction's.
import type { DevboxContext } from '../context.ts';
import { applyElements, parseElements } from '../store/elements.ts';
import { RESOURCE_TYPES, StoreError } from '../store/types.ts';
import type { Resource, ResourceType, Store } from '../store/types.ts';
import { historyBundle, searchBundle } from './fhir-bundles.ts';
import { applyPatch } from './fhir-patch.ts';
import { searchParamsFor, storeForm } from './fhir-reading.ts';
import { conditionalDelete, conditionalUpdate } from './fhir-conditional.ts';
import { FhirError, errorResult, resourceResult, toErrorResult, versionHeaders } from './fhir-result.ts';
import type { FhirRequest, FhirResult } from './fhir-result.ts';

const READ_ONLY: ReadonlySet<ResourceType> = new Set(['Operation']);
const PATCH_RETRIES = 5;

function resourceType(name: string | undefined): ResourceType {
  if (name && (RESOURCE_TYPES as readonly string[]).includes(name)) return name as ResourceType;
  throw new FhirError(404, 'not-found', `Unknown resource type '${name ?? ''}'`);
}

function asResource(type: ResourceType, body: unknown): Resource {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FhirError(400, 'structure', `The body must be a ${type} JSON object`);
  }
  return body as Resource;
}

function methodNotAllowed(method: string, what: string): never {
  throw new FhirError(405, 'not-supported', `${method} is not allowed on ${what}`);
}

async function readOr404(store: Store, type: ResourceType, id: string): Promise<Resource> {
  const found = await store.read(type, id);
  if (found) return found;
  const past = await store.history(type, id, { count: 1 });
  if (past.length > 0) throw new FhirError(410, 'deleted', `Resource ${type}/${id} was deleted`);
  throw new FhirError(404, 'not-found', `Resource ${type}/${id} not found`);
}

async function create(ctx: DevboxContext, store: Store, type: ResourceType, req: FhirRequest) {
  const body = asResource(type, req.body);
  if (req.ifNoneExist) {
    // Conditional create: 0 matches → create, 1 → return it, more → 412 (Aidbox §4).
    const found = await store.search(type, new URLSearchParams(req.ifNoneExist));
    if ((found.total ?? found.resources.length) > 1) {
      throw new FhirError(412, 'duplicate', `If-None-Exist matched more than one ${type}`);
    }
    const existing = found.resources[0];
    if (existing) return resourceResult(ctx.config.baseUrl, 200, existing);
  }
  const saved = await store.create(type, storeForm(ctx.config.reading, body));
  return resourceResult(ctx.config.baseUrl, 201, saved, true);
}

async function patch(ctx: DevboxContext, store: Store, type: ResourceType, id: string, req: FhirRequest) {
  for (let attempt = 1; ; attempt++) {
    const current = await readOr404(store, type, id);
    const patched = applyPatch(current, req.body, req.contentType, req.query.get('_method'));
    const next = {
      ...(asResource(type, patched) as Record<string, unknown>),
      resourceType: type,
      id,
    } as Resource;
    try {
      // Without the caller's If-Match, pin the version we patched so a concurrent write is
      // never silently overwritten; on such a race, re-read and patch again.
      const ifMatch = req.ifMatch ?? current.meta?.versionId;
      const { resource } = await store.update(type, id, storeForm(ctx.config.reading, next), { ifMatch });
      return resourceResult(ctx.config.baseUrl, 200, resource);
    } catch (err) {
      const raced = req.ifMatch === undefined && attempt < PATCH_RETRIES;
      if (!raced || !(err instanceof StoreError && err.kind === 'version-conflict')) {
        throw err;
      }
    }
  }
}

async function instance(ctx: DevboxContext, store: Store, type: ResourceType, id: string, req: FhirRequest) {
  const { baseUrl } = ctx.config;
  if (req.method === 'GET') {
    const r = await readOr404(store, type, id);
    // etag-support.md: If-None-Match with the current version (W/"n" or bare n) → 304, no body.
    if (req.ifNoneMatch !== undefined && sameVersion(req.ifNoneMatch, r.meta?.versionId)) {
      return { status: 304, headers: versionHeaders(baseUrl, r, false) };
    }
    return resourceResult(baseUrl, 200, applyElements(r, parseElements(req.query.get('_elements'))));
  }
  if (READ_ONLY.has(type)) methodNotAllowed(req.method, `${type} (read-only)`);
  if (req.method === 'PUT') {
    const body = storeForm(ctx.config.reading, asResource(type, req.body));
    const { resource, created } = await store.update(type, id, body, { ifMatch: req.ifMatch });
    return resourceResult(baseUrl, created ? 201 : 200, resource, created);
  }
  if (req.method === 'PATCH') return patch(ctx, store, type, id, req);
  if (req.method === 'DELETE') {
    const deleted = await store.delete(type, id, { ifMatch: req.ifMatch });
    const noContent = req.query.get('_no-content') === 'true'; // delete.md
    return deleted && !noContent ? { status: 200, body: deleted, headers: {} } : { status: 204, headers: {} };
  }
  return methodNotAllowed(req.method, `${type}/${id}`);
}

async function route(ctx: DevboxContext, store: Store, req: FhirRequest): Promise<FhirResult> {
  const [typeName, id, op, vid, ...rest] = req.segments;
  const type = resourceType(typeName);
  const { baseUrl } = ctx.config;
  if (rest.length > 0)
    throw new FhirError(404, 'not-found', `No such endpoint /fhir/${req.segments.join('/')}`);

  if (id === undefined) {
    if (req.method === 'GET') {
      try {
        const found = await store.search(type, searchParamsFor(ctx.config.reading, req.query));
        return searchBundle(baseUrl, type, req.query, found);
      } catch (err) {
        return toErrorResult(err, 400, ctx.config.reading);
      }
    }
    if (req.method === 'POST' && !READ_ONLY.has(type)) return create(ctx, store, type, req);
    const conditional = [...req.query.keys()].length > 0 && !READ_ONLY.has(type);
    if (req.method === 'PUT' && conditional)
      return conditionalUpdate(ctx, store, type, asResource(type, req.body), req);
    if (req.method === 'DELETE' && conditional) return conditionalDelete(ctx, store, type, req);
    return methodNotAllowed(req.method, `/fhir/${type}`);
  }
  if (id === '_history') {
    if (op !== undefined)
      throw new FhirError(404, 'not-found', `No such endpoint /fhir/${req.segments.join('/')}`);
    if (req.method !== 'GET') methodNotAllowed(req.method, `/fhir/${type}/_history`);
    return historyBundle(
      baseUrl,
      type,
      undefined,
      await store.history(type, undefined, historyCount(req.query)),
    );
  }
  if (op === undefined) return instance(ctx, store, type, id, req);
  if (op !== '_history')
    throw new FhirError(404, 'not-found', `No such endpoint /fhir/${req.segments.join('/')}`);
  if (req.method !== 'GET') methodNotAllowed(req.method, `/fhir/${type}/${id}/_history`);
  if (vid === undefined) {
    return historyBundle(baseUrl, type, id, await store.history(type, id, historyCount(req.query)));
  }
  const r = await store.vread(type, id, vid);
  if (!r) return errorResult(404, 'not-found', `Resource ${type}/${id}/_history/${vid} not found`);
  return resourceResult(baseUrl, 200, r);
}

function sameVersion(header: string, versionId: string | undefined): boolean {
  if (!versionId) return false;
  return header
    .split(',')
    .map((t) =>
      t
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .some((t) => t === versionId || t === '*');
}

function historyCount(query: URLSearchParams): { count: number } {
  const raw = Number(query.get('_count') ?? '100');
  return { count: Number.isInteger(raw) && raw > 0 ? Math.min(raw, 1000) : 100 };
}

/** Runs one interaction; client errors come back as OperationOutcome results. */
export async function interact(ctx: DevboxContext, store: Store, req: FhirRequest): Promise<FhirResult> {
  try {
    return await route(ctx, store, req);
  } catch (err) {
    return toErrorResult(err, 422, ctx.config.reading);
  }
}
