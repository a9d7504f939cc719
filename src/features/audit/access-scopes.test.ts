import { describe, expect, it } from 'vitest';
import { clientScopes, interactionWords, scopeCover } from './access-scopes.ts';

const app = clientScopes({
  id: 'app',
  type: 'smart-app',
  scope: [
    'launch/patient',
    'openid',
    'patient/Observation.rs?category=laboratory',
    'patient/Patient.read',
    'user/*.c',
    'patient/Observation.rx',
  ],
});

describe('clientScopes', () => {
  it('parses resource scopes apart from the others and keeps malformed ones as errors', () => {
    expect(app?.resource.map((s) => s.raw)).toEqual([
      'patient/Observation.rs?category=laboratory',
      'patient/Patient.read',
      'user/*.c',
    ]);
    expect(app?.other.map((s) => s.raw)).toEqual(['launch/patient', 'openid']);
    expect(app?.errors.map((e) => e.scope)).toEqual(['patient/Observation.rx']);
    expect(app?.smartApp).toBe(true);
  });

  it('no scope: undefined (scopes restrict nothing); not smart-app: said so', () => {
    expect(clientScopes({ id: 'x' })).toBeUndefined();
    expect(clientScopes({ id: 'x', scope: [] })).toBeUndefined();
    expect(clientScopes(undefined)).toBeUndefined();
    expect(clientScopes({ id: 'x', type: 'bulk-api-client', scope: ['system/Patient.rs'] })?.smartApp).toBe(
      false,
    );
  });
});

describe('scopeCover', () => {
  const scopes = app?.resource ?? [];
  it('a cell is covered by the scopes of its type (or *) holding its interaction', () => {
    expect(scopeCover(scopes, 'Observation', 'search')).toEqual({ kind: 'covered', by: [scopes[0]] });
    expect(scopeCover(scopes, 'Patient', 'read')).toEqual({ kind: 'covered', by: [scopes[1]] });
    expect(scopeCover(scopes, 'Encounter', 'create')).toEqual({ kind: 'covered', by: [scopes[2]] });
    expect(scopeCover(scopes, 'Observation', 'create')).toEqual({ kind: 'covered', by: [scopes[2]] });
  });

  it('none when no scope holds the interaction; transactions are checked per entry', () => {
    expect(scopeCover(scopes, 'Observation', 'delete')).toEqual({ kind: 'none' });
    expect(scopeCover(scopes, 'Patient', 'update')).toEqual({ kind: 'none' });
    expect(scopeCover(scopes, 'Patient', 'transaction')).toEqual({ kind: 'per-entry' });
  });

  it('interactionWords spells out v1 and v2 permissions', () => {
    expect(scopes.map(interactionWords)).toEqual(['read, search', 'read, search', 'create']);
  });
});
