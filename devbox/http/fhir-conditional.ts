// Conditional update and delete (docs/api/rest-api/crud/update.md and delete.md, "Conditional …"):
// the outcome depends on how many resources the search matches.
import type { DevboxContext } from '../context.ts';
import type { Resource, ResourceType, Store } from '../store/types.ts';
import { searchParamsFor, storeForm } from './fhir-reading.ts';
import { FhirError, resourceResult } from './fhir-result.ts';
import type { FhirRequest, FhirResult } from './fhir-result.ts';

/** Matches of the request's search (at most `limit`) and the total. */
async function matches(
  ctx: DevboxContext,
  store: Store,
  type: ResourceType,
  query: URLSearchParams,
  limit: number,
) {
  const q = new URLSearchParams(searchParamsFor(ctx.config.reading, query));
  for (const k of ['_count', '_page', '_elements', '_total', '_sort']) q.delete(k);
  q.set('_count', String(limit));
  q.set('_total', 'accurate');
  const found = await store.search(type, q);
  return { resources: found.resources, total: found.total ?? found.resources.length };
}

/**
 * `PUT /fhir/<Type>?<search>`: no match creates (Aidbox honours the body's id), one match is
 * updated (the body id is ignored), several are 412.
 */
export async function conditionalUpdate(
  ctx: DevboxContext,
  store: Store,
  type: ResourceType,
  body: Resource,
  req: FhirRequest,
): Promise<FhirResult> {
  const { resources, total } = await matches(ctx, store, type, req.query, 2);
  if (total > 1) {
    throw new FhirError(412, 'multiple-matches', `Conditional update matched ${total} ${type} resources`);
  }
  const target = resources[0];
  const next = storeForm(ctx.config.reading, { ...body, resourceType: type });
  if (!target) {
    const created = await store.create(type, next);
    return resourceResult(ctx.config.baseUrl, 201, created, true);
  }
  const { resource } = await store.update(
    type,
    target.id,
    { ...next, id: target.id },
    { ifMatch: req.ifMatch },
  );
  return resourceResult(ctx.config.baseUrl, 200, resource);
}

/** Most resources `x-conditional-delete: remove-all` deletes in one request. */
const REMOVE_ALL_LIMIT = 1000;

/**
 * `DELETE /fhir/<Type>?<search>`: no match is 204, one match is deleted (200 with it), several are
 * 412 unless `x-conditional-delete: remove-all`.
 */
export async function conditionalDelete(
  ctx: DevboxContext,
  store: Store,
  type: ResourceType,
  req: FhirRequest,
): Promise<FhirResult> {
  const removeAll = req.conditionalDelete === 'remove-all';
  const { resources, total } = await matches(ctx, store, type, req.query, removeAll ? REMOVE_ALL_LIMIT : 2);
  if (total === 0) return { status: 204, headers: {} };
  if (total > 1 && !removeAll) {
    throw new FhirError(
      412,
      'multiple-matches',
      `Conditional delete matched ${total} ${type} resources (send x-conditional-delete: remove-all to delete all)`,
    );
  }
  if (total > REMOVE_ALL_LIMIT) {
    throw new FhirError(
      412,
      'too-costly',
      `Conditional delete matched more than ${REMOVE_ALL_LIMIT} resources`,
    );
  }
  const deleted: Resource[] = [];
  for (const r of resources) {
    const d = await store.delete(type, r.id, { ifMatch: total === 1 ? req.ifMatch : undefined });
    if (d) deleted.push(d);
  }
  if (req.query.get('_no-content') === 'true' || deleted.length !== 1) return { status: 204, headers: {} };
  return { status: 200, body: deleted[0], headers: {} };
}
