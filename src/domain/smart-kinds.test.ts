import { describe, expect, it } from 'vitest';
import { ASSERTION_TYPE } from './client-assertion.ts';
import { clientKind } from './client-kinds.ts';

const JWK = { kty: 'EC', kid: 'k1', alg: 'ES384', use: 'sig', crv: 'P-384', x: 'AA', y: 'BB' };
const APP = { id: 'app', redirectUri: 'https://app.example.com/cb' };

describe('SMART application types', () => {
  it('builds the backend service as Aidbox documents it: bulk-api-client, jwt-bearer, no secret', () => {
    expect(clientKind('smart-backend').build({ id: 'bulk', name: 'Bulk', keys: { jwks: [JWK] } })).toEqual({
      resourceType: 'Client',
      id: 'bulk',
      name: 'Bulk',
      active: true,
      type: 'bulk-api-client',
      grant_types: ['client_credentials'],
      auth: {
        client_credentials: {
          client_assertion_types: [ASSERTION_TYPE],
          token_format: 'jwt',
          access_token_expiration: 300,
        },
      },
      scope: ['system/Patient.rs', 'system/Observation.rs'],
      jwks: [JWK],
    });
  });

  it('writes a jwks_uri only when no key set is given', () => {
    const uri = 'https://keys.example.com/jwks.json';
    expect(clientKind('smart-backend').build({ id: 'b', keys: { jwks_uri: uri } })).toMatchObject({
      jwks_uri: uri,
    });
    const both = clientKind('smart-backend').build({ id: 'b', keys: { jwks: [JWK], jwks_uri: uri } });
    expect(both.jwks).toEqual([JWK]);
    expect(both).not.toHaveProperty('jwks_uri');
    expect(clientKind('smart-backend').build({ id: 'b' })).not.toHaveProperty('jwks');
  });

  it('builds the EHR-launch app: smart-app, public, PKCE, launch URI, no refresh token', () => {
    expect(clientKind('smart-ehr').build({ ...APP, launchUri: 'https://app.example.com/launch' })).toEqual({
      resourceType: 'Client',
      id: 'app',
      active: true,
      type: 'smart-app',
      grant_types: ['authorization_code'],
      auth: {
        authorization_code: {
          redirect_uri: 'https://app.example.com/cb',
          pkce: true,
          secret_required: false,
          token_format: 'jwt',
          access_token_expiration: 600,
        },
      },
      smart: { launch_uri: 'https://app.example.com/launch' },
      scope: ['launch', 'openid', 'fhirUser', 'patient/Patient.r', 'patient/Observation.rs'],
    });
  });

  it('gives the standalone patient app offline_access only with a bounded refresh token', () => {
    const c = clientKind('smart-patient').build(APP);
    expect(c.scope).toEqual([
      'launch/patient',
      'openid',
      'fhirUser',
      'offline_access',
      'patient/Patient.r',
      'patient/Observation.rs',
    ]);
    expect(c.grant_types).toEqual(['authorization_code', 'refresh_token']);
    expect(c.auth?.authorization_code).toMatchObject({
      pkce: true,
      secret_required: false,
      refresh_token: true,
      refresh_token_expiration: 30 * 24 * 3600,
    });
    expect(c).not.toHaveProperty('smart');
    expect(c).not.toHaveProperty('secret');

    const noOffline = clientKind('smart-patient').build({ ...APP, scope: ['openid', 'patient/Patient.r'] });
    expect(noOffline.grant_types).toEqual(['authorization_code']);
    expect(noOffline.auth?.authorization_code).not.toHaveProperty('refresh_token');
    expect(noOffline.auth?.authorization_code).not.toHaveProperty('refresh_token_expiration');
  });

  it('builds the confidential asymmetric app: private_key_jwt on the code grant, keys, no secret', () => {
    const c = clientKind('smart-confidential').build({ ...APP, keys: { jwks: [JWK] } });
    expect(c.auth?.authorization_code).toEqual({
      redirect_uri: 'https://app.example.com/cb',
      pkce: true,
      secret_required: true,
      client_assertion_types: [ASSERTION_TYPE],
      token_format: 'jwt',
      access_token_expiration: 600,
    });
    expect(c.type).toBe('smart-app');
    expect(c.jwks).toEqual([JWK]);
    expect(c).not.toHaveProperty('secret');
    expect(c.scope).toContain('user/Patient.rs');
  });

  it('takes the scopes typed, split on whitespace and without duplicates', () => {
    const c = clientKind('smart-ehr').build({
      ...APP,
      scope: ['launch openid', 'launch', 'user/Patient.rs'],
    });
    expect(c.scope).toEqual(['launch', 'openid', 'user/Patient.rs']);
  });

  it('never copies a key object it was given (the caller keeps its own)', () => {
    const jwk = { ...JWK };
    const c = clientKind('smart-backend').build({ id: 'b', keys: { jwks: [jwk] } });
    expect(c.jwks?.[0]).not.toBe(jwk);
  });
});
