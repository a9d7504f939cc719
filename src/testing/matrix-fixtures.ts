// Shared test data for the matrix model and matrix screen tests (src/testing: never shipped).
import type { ClientRow, PolicyResource } from '../domain/matrix.ts';

export function policy(
  id: string,
  links: string[] | undefined,
  extra: Partial<PolicyResource> = {},
): PolicyResource {
  return {
    resourceType: 'AccessPolicy',
    id,
    meta: { versionId: '1' },
    engine: 'allow',
    ...(links ? { link: links.map((reference) => ({ reference })) } : {}),
    ...extra,
  };
}

export function client(id: string, name = id, type = ''): ClientRow {
  return { id, name, type, grantTypes: [], active: true };
}
