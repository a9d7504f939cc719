// Unit tests: SMART scope parsing (examples from SMART App Launch 2.x "Scopes and launch context"
// and from aidbox-docs smart-scopes-for-limiting-access.md), requested ∩ allowed, and the /fhir
// scope decision for atv 2 tokens.
import { describe, expect, it } from 'vitest';
import { interactionOf, scopesAllow } from '../auth/scope-enforcement.ts';
import { grantedScopes, parseResourceScope, scopeCovers } from '../auth/smart-scopes.ts';

describe('parseResourceScope', () => {
  it('parses v2 scopes, including search parameters', () => {
    expect(parseResourceScope('patient/Observation.rs')).toMatchObject({
      context: 'patient',
      type: 'Observation',
      version: 2,
    });
    expect([...(parseResourceScope('system/*.cruds')?.interactions ?? [])]).toEqual([
      'c',
      'r',
      'u',
      'd',
      's',
    ]);
    expect(parseResourceScope('patient/Observation.rs?category=laboratory')?.query).toBe(
      'category=laboratory',
    );
    expect(parseResourceScope('user/Encounter.cu')).toMatchObject({ version: 2 });
  });
  it('translates v1 permissions', () => {
    expect([...(parseResourceScope('patient/Observation.read')?.interactions ?? [])]).toEqual(['r', 's']);
    expect([...(parseResourceScope('user/*.write')?.interactions ?? [])]).toEqual(['c', 'u', 'd']);
    expect(parseResourceScope('system/*.*')).toMatchObject({ version: 1, type: '*' });
  });
  it('rejects malformed scopes and the documented limitations', () => {
    for (const s of [
      'patient/Observation.sr',
      'patient/Observation.rr',
      'patient/Observation.x',
      'openid',
      'launch/patient',
    ]) {
      expect(parseResourceScope(s)).toBeUndefined();
    }
    expect(parseResourceScope('system/Observation.rs?status=final')).toBeUndefined();
    expect(parseResourceScope('user/*.cruds?status=final')).toBeUndefined();
    expect(parseResourceScope('patient/Observation.read?status=final')).toBeUndefined();
  });
});

describe('requested ∩ allowed', () => {
  const client = {
    resourceType: 'Client',
    id: 'c',
    scope: ['openid', 'patient/*.rs', 'system/Patient.read'],
  };
  it('keeps requested scopes an allowed scope covers', () => {
    expect(scopeCovers('patient/*.rs', 'patient/Observation.r')).toBe(true);
    expect(scopeCovers('patient/*.rs', 'patient/Observation.rs?category=laboratory')).toBe(true);
    expect(scopeCovers('patient/Observation.rs?category=laboratory', 'patient/Observation.rs')).toBe(false);
    expect(scopeCovers('patient/*.rs', 'user/Observation.rs')).toBe(false);
    expect(scopeCovers('system/Patient.read', 'system/Patient.rs')).toBe(true);
    const req = [
      'openid',
      'fhirUser',
      'patient/Observation.rs',
      'patient/Observation.cruds',
      'system/Patient.s',
    ];
    expect(grantedScopes(client, req, 'strict')).toEqual([
      'openid',
      'patient/Observation.rs',
      'system/Patient.s',
    ]);
  });
  it('no scope field restricts nothing; no requested scope: strict none, alternate all', () => {
    expect(grantedScopes({ resourceType: 'Client', id: 'x' }, ['a', 'b'], 'strict')).toEqual(['a', 'b']);
    expect(grantedScopes(client, [], 'strict')).toEqual([]);
    expect(grantedScopes(client, [], 'alternate')).toEqual(client.scope);
  });
});

describe('scopesAllow', () => {
  const jwt = (scope: string, patient?: unknown) => ({
    atv: 2,
    scope,
    ...(patient ? { context: { patient } } : {}),
  });
  const req = (method: string, path: string, query = '') => ({
    method,
    path,
    query: new URLSearchParams(query),
  });
  it('maps requests to interactions', () => {
    expect(interactionOf(req('GET', '/fhir/Observation/1'))).toMatchObject({
      type: 'Observation',
      interaction: 'r',
    });
    expect(interactionOf(req('POST', '/fhir/Observation/_search'))).toMatchObject({ interaction: 's' });
    expect(interactionOf(req('PATCH', '/fhir/Observation/1'))).toMatchObject({ interaction: 'u' });
    expect(interactionOf(req('GET', '/fhir/metadata'))).toBe('none');
    expect(interactionOf(req('POST', '/fhir/Patient/$everything'))).toBe('operation');
  });
  it('does not apply without atv 2', () => {
    expect(scopesAllow({ scope: 'user/Client.rs' }, req('GET', '/fhir/User'), 'strict')).toBeUndefined();
    expect(scopesAllow(undefined, req('GET', '/fhir/User'), 'strict')).toBeUndefined();
  });
  it('decides by type and interaction; $operations differ by reading', () => {
    const t = jwt('user/Client.rs system/*.read');
    expect(scopesAllow(t, req('GET', '/fhir/Client/a'), 'strict')).toBe(true);
    expect(scopesAllow(t, req('DELETE', '/fhir/Client/a'), 'strict')).toBe(false);
    expect(scopesAllow(t, req('GET', '/fhir/User'), 'strict')).toBe(true); // system/*.read
    expect(scopesAllow(jwt('user/Client.rs'), req('GET', '/fhir/User'), 'strict')).toBe(false);
    expect(scopesAllow(t, req('POST', '/fhir/$op'), 'strict')).toBe(false);
    expect(scopesAllow(t, req('POST', '/fhir/$op'), 'alternate')).toBe(true);
  });
  it('scope search parameters: only a search that carries them passes', () => {
    const t = jwt('user/Observation.rs?status=final');
    expect(scopesAllow(t, req('GET', '/fhir/Observation', 'status=final&code=1'), 'strict')).toBe(true);
    expect(scopesAllow(t, req('GET', '/fhir/Observation'), 'strict')).toBe(false);
    expect(scopesAllow(t, req('GET', '/fhir/Observation/1'), 'strict')).toBe(false);
  });
  it('patient scopes need context.patient (string or [{id}]) and name the patient', () => {
    const t = jwt('patient/*.rs', [{ id: 'pt1' }, { url: 'https://x/Patient/pt9' }]);
    expect(scopesAllow(t, req('GET', '/fhir/Patient/pt1'), 'strict')).toBe(true);
    expect(scopesAllow(t, req('GET', '/fhir/Patient/pt2'), 'strict')).toBe(false);
    expect(scopesAllow(t, req('GET', '/fhir/Observation', 'subject=Patient/pt1'), 'strict')).toBe(true);
    expect(scopesAllow(t, req('GET', '/fhir/Observation'), 'strict')).toBe(false);
    expect(scopesAllow(jwt('patient/*.rs'), req('GET', '/fhir/Patient/pt1'), 'strict')).toBe(false);
  });
});
