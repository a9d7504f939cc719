// Discovery documents and JWKS. Like Aidbox: no end_session_endpoint, no revocation_endpoint.
import type { Hono } from 'hono';
import { signingKey } from '../auth/keys.ts';
import type { DevboxContext, Reading } from '../context.ts';

export function discovery(baseUrl: string) {
  return {
    issuer: baseUrl,
    authorization_endpoint: `${baseUrl}/auth/authorize`,
    token_endpoint: `${baseUrl}/auth/token`,
    userinfo_endpoint: `${baseUrl}/auth/userinfo`,
    introspection_endpoint: `${baseUrl}/auth/introspect`,
    jwks_uri: `${baseUrl}/.well-known/jwks.json`,
    grant_types_supported: [
      'authorization_code',
      'implicit',
      'password',
      'client_credentials',
      'refresh_token',
    ],
    response_types_supported: ['code', 'token'],
    response_modes_supported: ['query', 'fragment'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['public'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'nonce', 'auth_time', 'email'],
    prompt_values_supported: ['none', 'login'],
  };
}

/**
 * SMART App Launch 2.x §2.2 (`/.well-known/smart-configuration`), listing only what devbox does:
 * private_key_jwt with the algorithms client-assertion.ts accepts, EHR launch with a patient
 * context, v1 and v2 scope syntax (enforced for atv 2 tokens), no revocation endpoint.
 */
export function smartConfiguration(baseUrl: string, reading: Reading) {
  const d = discovery(baseUrl);
  return {
    issuer: d.issuer,
    jwks_uri: d.jwks_uri,
    authorization_endpoint: d.authorization_endpoint,
    token_endpoint: d.token_endpoint,
    userinfo_endpoint: d.userinfo_endpoint,
    introspection_endpoint: d.introspection_endpoint,
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: [...d.token_endpoint_auth_methods_supported, 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported:
      reading === 'alternate' ? ['RS384', 'ES384'] : ['RS384'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'launch',
      'offline_access',
      'patient/*.rs',
      'user/*.rs',
      'system/*.rs',
      'patient/*.read',
      'user/*.read',
      'system/*.read',
    ],
    response_types_supported: ['code'],
    code_challenge_methods_supported: d.code_challenge_methods_supported,
    capabilities: [
      'launch-ehr',
      'context-ehr-patient',
      'client-public',
      'client-confidential-symmetric',
      'client-confidential-asymmetric',
      'sso-openid-connect',
      'permission-v1',
      'permission-v2',
    ],
  };
}

export function mountWellKnown(app: Hono, ctx: DevboxContext): void {
  const doc = () => discovery(ctx.config.baseUrl);
  app.get('/.well-known/openid-configuration', (c) => c.json(doc()));
  app.get('/.well-known/oauth-authorization-server', (c) => c.json(doc()));
  app.get('/.well-known/smart-configuration', (c) =>
    c.json(smartConfiguration(ctx.config.baseUrl, ctx.config.reading)),
  );
  app.get('/fhir/.well-known/smart-configuration', (c) =>
    c.json(smartConfiguration(ctx.config.baseUrl, ctx.config.reading)),
  );
  app.get('/.well-known/jwks.json', async (c) => {
    const key = await signingKey(ctx);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys: [key.publicJwk] });
  });
}
