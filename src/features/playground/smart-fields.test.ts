// The SMART parts of a token answer (aidbox-docs smart-app-launch.md's example), the EHR launch URL,
// and the scope toggles.
import { describe, expect, it } from 'vitest';
import { toggleScope } from './scope-picker.tsx';
import { scopesNotGranted, smartFieldsOf } from './smart-fields.ts';
import { parseLaunchUrl } from './smart-launch.ts';

const b64 = (v: unknown) =>
  btoa(JSON.stringify(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (claims: unknown) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;

describe('smartFieldsOf', () => {
  it('explains the documented SMART fields and the token’s atv/context claims, as text', () => {
    const fields = smartFieldsOf({
      access_token: jwt({ atv: 2, context: { patient: 'test-pt-1' }, sub: 'test-user' }),
      id_token: jwt({ fhirUser: 'https://box/fhir/Patient/test-pt-1' }),
      smart_style_url: 'https://box/fhir/style-v1.json',
      scope: 'launch/patient openid fhirUser patient/Patient.read',
      need_patient_banner: true,
      patient: 'test-pt-1',
      token_type: 'Bearer',
    });
    expect(fields.map((f) => [f.name, f.value])).toEqual([
      ['patient', 'test-pt-1'],
      ['scope', 'launch/patient openid fhirUser patient/Patient.read'],
      ['need_patient_banner', 'true'],
      ['smart_style_url', 'https://box/fhir/style-v1.json'],
      ['access_token.atv', '2'],
      ['access_token.context', '{"patient":"test-pt-1"}'],
      ['id_token.fhirUser', 'https://box/fhir/Patient/test-pt-1'],
    ]);
    expect(fields.every((f) => f.meaning.length > 20)).toBe(true);
  });

  it('finds nothing in a plain OAuth answer or an error', () => {
    expect(smartFieldsOf({ access_token: 'opaque.xyz', token_type: 'Bearer' })).toEqual([]);
    expect(smartFieldsOf(undefined)).toEqual([]);
  });

  it('lists requested scopes the answer left out', () => {
    expect(scopesNotGranted('system/Patient.rs system/Client.cruds', { scope: 'system/Patient.rs' })).toEqual(
      ['system/Client.cruds'],
    );
    expect(scopesNotGranted('a b', {})).toEqual([]);
  });
});

describe('parseLaunchUrl', () => {
  it('reads launch, iss and the patient in the launch JWT', () => {
    const launch = jwt({ client: 'app', user: 'admin', ctx: { patient: 'pt-1' } });
    expect(
      parseLaunchUrl(`https://app.example/launch?iss=https%3A%2F%2Fbox%2Ffhir&launch=${launch}`),
    ).toEqual({
      launch,
      iss: 'https://box/fhir',
      patient: 'pt-1',
      user: 'admin',
    });
    expect(parseLaunchUrl('https://app.example/launch?launch=opaque&iss=x')).toMatchObject({
      patient: undefined,
    });
  });

  it('says what is missing', () => {
    expect(parseLaunchUrl('not a url')).toMatch(/Not a URL/);
    expect(parseLaunchUrl('https://app.example/launch?iss=x')).toMatch(/no launch/);
    expect(parseLaunchUrl('https://app.example/launch?launch=x')).toMatch(/no iss/);
  });
});

describe('toggleScope', () => {
  it('adds at the end and removes in place', () => {
    expect(toggleScope('openid  fhirUser', 'launch/patient')).toBe('openid fhirUser launch/patient');
    expect(toggleScope('openid fhirUser launch/patient', 'fhirUser')).toBe('openid launch/patient');
    expect(toggleScope('', 'openid')).toBe('openid');
  });
});
