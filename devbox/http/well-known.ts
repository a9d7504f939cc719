// Discovery documents and JWKS. Like Aidbox: no end_session_endpoint, no revocation_endpoint.
import type { Hono } from 'hono';
import { signingKey } from '../auth/keys.ts';
import type { DevboxContext } from '../context.ts';

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
 * no launch context, no SMART scopes, no asymmetric client auth, no revocation endpoint.
 */
export function smartConfiguration(baseUrl: string) {
  const d = discovery(baseUrl);
  return {
    issuer: d.issuer,
    jwks_uri: d.jwks_uri,
    authorization_endpoint: d.authorization_endpoint,
    token_endpoint: d.token_endpoint,
    userinfo_endpoint: d.userinfo_endpoint,
    introspection_endpoint: d.introspection_endpoint,
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: d.token_endpoint_auth_methods_supported,
    scopes_supported: ['openid'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: d.code_challenge_methods_supported,
    capabilities: ['client-public', 'client-confidential-symmetric', 'sso-openid-connect'],
  };
}

export function mountWellKnown(app: Hono, ctx: DevboxContext): void {
  const doc = () => discovery(ctx.config.baseUrl);
  app.get('/.well-known/openid-configuration', (c) => c.json(doc()));
  app.get('/.well-known/oauth-authorization-server', (c) => c.json(doc()));
  app.get('/.well-known/smart-configuration', (c) => c.json(smartConfiguration(ctx.config.baseUrl)));
  app.get('/fhir/.well-known/smart-configuration', (c) => c.json(smartConfiguration(ctx.config.baseUrl)));
  app.get('/.well-known/jwks.json', async (c) => {
    const key = await signingKey(ctx);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys: [key.publicJwk] });
  });
}
