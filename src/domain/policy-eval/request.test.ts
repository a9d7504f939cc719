import { describe, expect, it } from 'vitest';
import { buildRequestObject, routeOf } from './request.ts';

const client = { resourceType: 'Client', id: 'app', secret: 'sha256:stored-hash', grant_types: ['basic'] };

describe('request object builder', () => {
  it.each([
    ['get', '/fhir/Patient/p1', 'FhirRead', 'Patient', 'p1'],
    ['get', '/fhir/Patient', 'FhirSearch', 'Patient', undefined],
    ['post', '/fhir/Patient/_search', 'FhirSearch', 'Patient', undefined],
    ['post', '/fhir/Patient', 'FhirCreate', 'Patient', undefined],
    ['put', '/fhir/Patient/p1', 'FhirUpdate', 'Patient', 'p1'],
    ['patch', '/fhir/Patient/p1', 'FhirPatch', 'Patient', 'p1'],
    ['delete', '/fhir/Patient/p1', 'FhirDelete', 'Patient', 'p1'],
    ['post', '/fhir', 'FhirTransaction', undefined, undefined],
    ['get', '/fhir/Patient/p1/_history/2', 'FhirVread', 'Patient', 'p1'],
    ['get', '/fhir/metadata', 'FhirMetadata', undefined, undefined],
  ])('%s %s → %s', (method, path, op, type, id) => {
    expect(routeOf(method, path)).toEqual({ operationId: op, resourceType: type, resourceId: id });
  });

  it('builds method, uri, params with resource/type and id, body, operation, client and user', () => {
    const body = { resourceType: 'Patient', id: 'p1' };
    const req = buildRequestObject({
      method: 'PUT',
      path: '/fhir/Patient/p1',
      query: '_format=json&tag=a&tag=b',
      body,
      client,
      user: { resourceType: 'User', id: 'u', password: 'hash', data: { role: 'x' } },
    });
    expect(req).toEqual({
      'request-method': 'put',
      uri: '/fhir/Patient/p1',
      'query-string': '_format=json&tag=a&tag=b',
      params: { _format: 'json', tag: ['a', 'b'], 'resource/type': 'Patient', 'resource/id': 'p1' },
      body,
      resource: body,
      operation: { id: 'FhirUpdate' },
      client: { resourceType: 'Client', id: 'app', grant_types: ['basic'] },
      user: { resourceType: 'User', id: 'u', data: { role: 'x' } },
    });
  });

  it('a search without query string or body has none, and no secret ever reaches a policy', () => {
    const req = buildRequestObject({ method: 'GET', path: '/fhir/Patient', client });
    expect(req['query-string']).toBeNull();
    expect(req).not.toHaveProperty('body');
    expect(req).not.toHaveProperty('user');
    expect(JSON.stringify(req)).not.toContain('stored');
  });
});
