import { describe, expect, it } from 'vitest';
import { describeScope, previewGrant, reviewScopes, scopeRuleErrors } from './scope-check.ts';
import { KNOWN_RESOURCE_TYPES } from './fhir-resource-types.ts';
import { parseScope, type ParsedScope } from './smart-scopes.ts';

const parsed = (raw: string) => parseScope(raw) as ParsedScope;

describe('reviewScopes', () => {
  it('puts each error and lint on the scope it concerns', () => {
    const r = reviewScopes(
      'launch/patient openid\npatient/*.rs patient/Observation.cruds system/Patient.rs?x=1',
    );
    expect(r.patientFacing).toBe(true);
    expect(r.errorCount).toBe(1);
    const by = Object.fromEntries(r.lines.map((l) => [l.raw, l]));
    expect(by['system/Patient.rs?x=1']?.error).toMatch(/system\//);
    expect(by['patient/*.rs']?.lints.map((l) => l.rule)).toEqual(['wildcard']);
    expect(by['patient/Observation.cruds']?.lints.map((l) => l.rule)).toEqual(['patient-write']);
    expect(by.openid?.lints).toEqual([]);
    expect(r.setLints).toEqual([]);
  });

  it('reports v1 and v2 mixed on the set, and unknown types as advice', () => {
    const r = reviewScopes(['user/Patient.read', 'user/Observaton.rs']);
    expect(r.setLints.map((l) => l.rule)).toEqual(['mixed-versions']);
    // v1 alone is advice too, as the review reports it, with the v2 spelling.
    expect(r.lines[0]?.lints.map((l) => [l.rule, l.message])).toEqual([
      ['v1', expect.stringMatching(/write user\/Patient\.rs \(v2\)/) as string],
    ]);
    expect(reviewScopes('system/*.write').lines[0]?.lints.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/write system\/\*\.cud \(v2\)/),
    );
    const typo = r.lines[1]?.lints[0];
    expect(typo?.rule).toBe('unknown-type');
    expect(typo?.message).toMatch(/^Observaton is neither a FHIR R4 nor an Aidbox resource type/);
    expect(r.errorCount).toBe(0);
  });

  it('never splits a scope on commas (FHIR search values use them)', () => {
    const r = reviewScopes('patient/Observation.rs?category=laboratory,vital-signs');
    expect(r.lines.map((l) => l.raw)).toEqual(['patient/Observation.rs?category=laboratory,vital-signs']);
    expect(r.lines[0]?.error).toBeUndefined();
  });

  it('knows FHIR R4 and Aidbox types', () => {
    for (const t of ['MedicationStatement', 'VisionPrescription', 'Client', 'AccessPolicy', 'Patient']) {
      expect(KNOWN_RESOURCE_TYPES).toContain(t);
    }
    expect(new Set(KNOWN_RESOURCE_TYPES).size).toBe(KNOWN_RESOURCE_TYPES.length);
  });
});

describe('describeScope', () => {
  it('says what a scope allows', () => {
    expect(describeScope(parsed('patient/Observation.rs?category=laboratory'))).toBe(
      'read, search Observation of the patient in context where category=laboratory',
    );
    expect(describeScope(parsed('system/*.cruds'))).toBe(
      'create, read, update, delete, search every resource type of every patient (no user)',
    );
    expect(describeScope(parsed('user/Patient.read'))).toBe(
      'read, search Patient the signed-in user may access',
    );
    expect(describeScope(parsed('offline_access'))).toMatch(/refresh tokens/);
    expect(describeScope(parsed('launch/location'))).toBe('a launch context');
    expect(describeScope(parsed('custom-scope'))).toBe('other scope');
  });
});

describe('scopeRuleErrors', () => {
  it('blocks saving on a malformed scope only', () => {
    expect(scopeRuleErrors(['patient/*.rs', 'openid'])).toEqual([]);
    expect(scopeRuleErrors(undefined)).toEqual([]);
    expect(scopeRuleErrors(['patient/Observation.xyz'])).toEqual([
      { path: 'scope', message: expect.stringMatching(/^One scope is malformed/) as string },
    ]);
    expect(scopeRuleErrors(['a/B.c', 'patient/x.rs'])[0]?.message).toMatch(/^2 scopes are malformed/);
  });
});

describe('previewGrant', () => {
  const allowed = ['openid', 'patient/Observation.rs', 'patient/Patient.r'];

  it('grants requested ∩ allowed, narrower requests included', () => {
    expect(previewGrant('openid patient/Observation.r patient/Condition.rs', allowed)).toEqual({
      kind: 'granted',
      granted: ['openid', 'patient/Observation.r'],
      refused: ['patient/Condition.rs'],
    });
  });

  it('shows both readings for an empty request', () => {
    expect(previewGrant('  ', allowed)).toEqual({ kind: 'empty-request', strict: [], alternate: allowed });
  });

  it('restricts nothing without a scope list', () => {
    expect(previewGrant('system/*.cruds', [])).toEqual({ kind: 'unrestricted', granted: ['system/*.cruds'] });
  });
});
