import { describe, expect, it } from 'vitest';
import type { ClientDraft } from '../model/client.ts';
import { isKeyedBackend, isPatientFacing, smartFindings } from './smart-review-rules.ts';

const B64_2048 = `w${'A'.repeat(341)}`; // first byte 0xc0, 256 bytes
const B64_1024 = `w${'A'.repeat(170)}`; // 128 bytes
const rsa = (kid: string, n = B64_2048) => ({ kty: 'RSA', kid, alg: 'RS384', use: 'sig', e: 'AQAB', n });

const backend = (patch: Partial<ClientDraft> = {}): ClientDraft => ({
  id: 'svc',
  grant_types: ['client_credentials'],
  scope: ['system/Patient.rs'],
  jwks: [rsa('k1')],
  auth: {
    client_credentials: {
      client_assertion_types: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
    },
  },
  ...patch,
});
const app = (scope: string[]): ClientDraft => ({ id: 'app', grant_types: ['authorization_code'], scope });
const rules = (c: ClientDraft) => smartFindings(c, false).map((f) => `${f.rule}:${f.severity}:${f.path}`);

describe('smartFindings', () => {
  it('a well-configured backend service and patient app have no findings', () => {
    expect(rules(backend())).toEqual([]);
    expect(
      rules(app(['openid', 'fhirUser', 'launch/patient', 'patient/Observation.rs?category=laboratory'])),
    ).toEqual([]);
  });

  it('fills the review shape: key, target and a source', () => {
    const [f] = smartFindings(backend({ scope: ['system/*.rs'] }), false);
    expect(f).toMatchObject({
      key: 'smart-wildcard-system-scope|Client/svc|scope.0',
      targetType: 'Client',
      targetId: 'svc',
      title: 'Wildcard system scope',
    });
    expect(f?.source).toMatch(/SMART App Launch 2\.x/);
  });

  it('wildcard system scopes, v1 or v2', () => {
    expect(rules(backend({ scope: ['system/Patient.rs', 'system/*.rs', 'system/*.read'] }))).toEqual([
      'smart-wildcard-system-scope:high:scope.1',
      'smart-wildcard-system-scope:high:scope.2',
      'smart-v1-scopes:low:scope.2',
    ]);
  });

  it('patient-facing apps with write or wildcard scopes', () => {
    const f = smartFindings(
      app([
        'launch/patient',
        'patient/Observation.rs',
        'patient/Observation.cu',
        'patient/*.rs',
        'user/*.cruds',
      ]),
      false,
    );
    expect(f.map((x) => `${x.rule}:${x.path}:${x.title}`)).toEqual([
      'smart-patient-write:scope.2:Patient-facing app with a write scope',
      'smart-patient-write:scope.3:Patient-facing app with a wildcard scope',
      'smart-patient-write:scope.4:Patient-facing app with a write and wildcard scope',
    ]);
  });

  it('write scopes are not a patient finding on a user-only app', () => {
    expect(rules(app(['openid', 'user/Observation.cruds']))).toEqual([]);
  });

  it('v1 scopes: one finding naming them all', () => {
    const f = smartFindings(app(['patient/Patient.read', 'patient/Observation.read']), false);
    expect(f.map((x) => `${x.rule}:${x.path}`)).toEqual(['smart-v1-scopes:scope']);
    expect(f[0]?.detail).toContain('patient/Patient.read, patient/Observation.read');
  });

  it('malformed scopes (Aidbox rejects the token)', () => {
    expect(rules(app(['system/Observation.rs?status=final', 'patient/Observation.sr']))).toEqual([
      'smart-invalid-scope:high:scope.0',
      'smart-invalid-scope:high:scope.1',
    ]);
  });

  it('tolerates scope as a space-separated string', () => {
    expect(rules({ id: 'x', scope: 'system/*.rs openid' as unknown as string[] })).toEqual([
      'smart-wildcard-system-scope:high:scope',
    ]);
  });

  it('jwks_uri that is not https; loopback http is a lesser finding', () => {
    expect(rules(backend({ jwks: [], jwks_uri: 'http://keys.example.org/jwks' }))).toEqual([
      'smart-jwks-uri-not-https:high:jwks_uri',
    ]);
    expect(rules(backend({ jwks: [], jwks_uri: 'http://127.0.0.1:9000/jwks' }))).toEqual([
      'smart-jwks-uri-not-https:medium:jwks_uri',
    ]);
    expect(rules(backend({ jwks: [], jwks_uri: 'https://keys.example.org/jwks' }))).toEqual([]);
  });

  it('weak RSA keys', () => {
    expect(rules(backend({ jwks: [rsa('k1'), rsa('k2', B64_1024)] }))).toEqual([
      'smart-weak-rsa-key:high:jwks.1',
    ]);
  });

  it('private key material, never quoting it', () => {
    const f = smartFindings(
      backend({ jwks: [{ ...rsa('k1'), d: 'PRIVATE-D-VALUE', p: 'PRIVATE-P' }] }),
      false,
    );
    expect(f.map((x) => `${x.rule}:${x.path}`)).toEqual(['smart-private-key-stored:jwks.0']);
    expect(JSON.stringify(f)).not.toContain('PRIVATE-');
    const pem = smartFindings(
      backend({ details: { key: '-----BEGIN PRIVATE KEY-----\nMIIEv...\n-----END PRIVATE KEY-----' } }),
      false,
    );
    expect(pem.map((x) => `${x.rule}:${x.path}`)).toEqual(['smart-private-key-stored:']);
    expect(JSON.stringify(pem)).not.toContain('MIIEv');
  });

  it('duplicate kids', () => {
    expect(rules(backend({ jwks: [rsa('a'), rsa('b'), rsa('a')] }))).toEqual([
      'smart-duplicate-kid:medium:jwks.2',
    ]);
  });

  it('a backend service with a shared secret beside its keys, stored or in a vault', () => {
    expect(rules(backend({ secret: 's3cret' }))).toEqual(['smart-secret-beside-keys:medium:secret']);
    expect(rules(backend({ _secret: { vault: 'x' } }))).toEqual(['smart-secret-beside-keys:medium:secret']);
    expect(rules(backend({ secret: 's3cret', jwks: [] }))).toEqual([]);
    expect(rules(backend({ secret: 's3cret', grant_types: ['authorization_code'] }))).toEqual([]);
  });
});

describe('classifiers', () => {
  it('isPatientFacing', () => {
    expect(isPatientFacing(app(['launch/patient']))).toBe(true);
    expect(isPatientFacing(app(['patient/Observation.rs']))).toBe(true);
    expect(isPatientFacing(app(['user/Observation.rs', 'launch']))).toBe(false);
    expect(isPatientFacing({})).toBe(false);
  });
  it('isKeyedBackend', () => {
    expect(isKeyedBackend(backend())).toBe(true);
    expect(isKeyedBackend(backend({ jwks: undefined, jwks_uri: 'https://k' }))).toBe(true);
    expect(isKeyedBackend(backend({ jwks: [] }))).toBe(false);
    expect(isKeyedBackend(backend({ grant_types: ['authorization_code'] }))).toBe(false);
  });
});
