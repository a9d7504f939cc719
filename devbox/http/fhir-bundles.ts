// searchset and history Bundles, with absolute paging links built from BOX_WEB_BASE_URL.
import type { HistoryEntry, ResourceType, SearchResult } from '../store/types.ts';
import { versionHeaders } from './fhir-result.ts';
import type { FhirResult } from './fhir-result.ts';

function pageUrl(baseUrl: string, type: ResourceType, query: URLSearchParams, page: number): string {
  const q = new URLSearchParams(query);
  q.set('_page', String(page));
  return `${baseUrl}/fhir/${type}?${q.toString()}`;
}

export function searchBundle(
  baseUrl: string,
  type: ResourceType,
  query: URLSearchParams,
  result: SearchResult,
): FhirResult {
  const { page, count, total, resources } = result;
  const link = [{ relation: 'self', url: pageUrl(baseUrl, type, query, page) }];
  link.push({ relation: 'first', url: pageUrl(baseUrl, type, query, 1) });
  if (page > 1) link.push({ relation: 'previous', url: pageUrl(baseUrl, type, query, page - 1) });
  const hasNext = total !== undefined ? page * count < total : count > 0 && resources.length === count;
  if (hasNext) link.push({ relation: 'next', url: pageUrl(baseUrl, type, query, page + 1) });
  if (total !== undefined) {
    const last = count > 0 ? Math.max(1, Math.ceil(total / count)) : 1;
    link.push({ relation: 'last', url: pageUrl(baseUrl, type, query, last) });
  }
  return {
    status: 200,
    headers: {},
    body: {
      resourceType: 'Bundle',
      type: 'searchset',
      ...(total !== undefined ? { total } : {}),
      link,
      entry: resources.map((resource) => ({
        fullUrl: `${baseUrl}/fhir/${type}/${resource.id}`,
        resource,
        search: { mode: 'match' },
      })),
    },
  };
}

const HISTORY_METHOD = {
  created: ['POST', '201 Created'],
  updated: ['PUT', '200 OK'],
  deleted: ['DELETE', '204 No Content'],
};

export function historyBundle(
  baseUrl: string,
  type: ResourceType,
  id: string | undefined,
  entries: HistoryEntry[],
): FhirResult {
  const self = `${baseUrl}/fhir/${type}${id ? `/${id}` : ''}/_history`;
  return {
    status: 200,
    headers: {},
    body: {
      resourceType: 'Bundle',
      type: 'history',
      total: entries.length,
      link: [{ relation: 'self', url: self }],
      entry: entries.map(({ resource, status }) => {
        const [method, code] = HISTORY_METHOD[status];
        const headers = versionHeaders(baseUrl, resource, false);
        return {
          fullUrl: `${baseUrl}/fhir/${type}/${resource.id}`,
          // FHIR history entries for deletions carry no resource.
          ...(status === 'deleted' ? {} : { resource }),
          request: { method, url: status === 'created' ? type : `${type}/${resource.id}` },
          response: {
            status: code,
            ...(headers.ETag ? { etag: headers.ETag } : {}),
            ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
          },
        };
      }),
    },
  };
}
