// Where the two readings differ on /fhir (devbox/README.md, "Readings"). Output: the alternate
// reading omits Client.secret wherever a resource is returned. Input: the alternate reading stores
// AccessPolicy.link entries as {resourceType, id}, the form access-policies.md shows.
import type { Reading } from '../context.ts';
import type { Resource } from '../store/types.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function presentResource(r: Record<string, unknown>): Record<string, unknown> {
  if (r.resourceType === 'Client' && 'secret' in r) {
    const { secret: _s, ...rest } = r;
    return rest;
  }
  if (r.resourceType === 'Bundle' && Array.isArray(r.entry)) {
    return {
      ...r,
      entry: r.entry.map((e: unknown) =>
        isObject(e) && isObject(e.resource) ? { ...e, resource: presentResource(e.resource) } : e,
      ),
    };
  }
  return r;
}

/** A response body as this reading shows it (read, search, history, writes, Bundles). */
export function presentBody(reading: Reading, body: unknown): unknown {
  if (reading !== 'alternate' || !isObject(body)) return body;
  return presentResource(body);
}

/** `{reference: "Client/x"}` → `{resourceType: "Client", id: "x"}`; other entries unchanged. */
function aidboxLink(entry: unknown): unknown {
  if (!isObject(entry) || typeof entry.reference !== 'string') return entry;
  const m = /^([A-Za-z]+)\/([^/]+)$/.exec(entry.reference);
  if (!m) return entry;
  const { reference: _r, ...rest } = entry;
  return { ...rest, resourceType: m[1], id: m[2] };
}

/** A resource about to be stored, in this reading's storage form. */
export function storeForm<T extends Resource>(reading: Reading, resource: T): T {
  if (reading !== 'alternate' || resource.resourceType !== 'AccessPolicy' || !Array.isArray(resource.link))
    return resource;
  return { ...resource, link: resource.link.map(aidboxLink) };
}

/**
 * Status of an If-Match version mismatch: 412 (etag-support.md) on the strict reading, 409 on
 * the alternate. `If-Match: *` on a missing resource is 412 in both (update.md documents it).
 */
export function versionConflictStatus(reading: Reading): 409 | 412 {
  return reading === 'alternate' ? 409 : 412;
}

/**
 * Search parameters as this reading's Aidbox would see them: the alternate reading ignores the
 * undocumented `.path$missing` (as Aidbox ignores parameters it does not know); use `$isnull`.
 */
export function searchParamsFor(reading: Reading, query: URLSearchParams): URLSearchParams {
  if (reading !== 'alternate') return query;
  const kept = new URLSearchParams();
  for (const [k, v] of query) if (!(k.startsWith('.') && k.endsWith('$missing'))) kept.append(k, v);
  return kept;
}
