// The one oidc-client-ts OidcClient, configured per security.md §1.3 (defaults are not safe for us).
// OidcClient, not UserManager: it does the protocol (PKCE S256, state, code and refresh exchange,
// the library's response checks) without the popup/iframe navigators, silent renew, session monitor
// and user store, which the console replaces with its own smaller pieces (auth-service.ts,
// reauth-popup.ts).
import { OidcClient, WebStorageStateStore, type OidcClientSettings } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config/config.ts';
import type { OidcMetadata } from '../config/discovery.ts';
import { paths } from '../routes/paths.ts';

export function oidcClientSettings(
  config: ConsoleConfig,
  metadata: OidcMetadata,
  origin: string,
  sessionStore: Storage,
): OidcClientSettings {
  return {
    authority: config.aidboxUrl,
    // Already fetched and issuer-checked at start-up; no second discovery round trip.
    metadata: {
      issuer: metadata.issuer,
      authorization_endpoint: metadata.authorization_endpoint,
      token_endpoint: metadata.token_endpoint,
      jwks_uri: metadata.jwks_uri,
      ...(metadata.userinfo_endpoint ? { userinfo_endpoint: metadata.userinfo_endpoint } : {}),
    },
    client_id: config.clientId,
    // Aidbox allows one redirect_uri per grant, so the re-auth popup comes back to the same route.
    redirect_uri: `${origin}${paths.callback()}`,
    response_type: 'code',
    response_mode: 'query',
    scope: config.scopes,
    disablePKCE: false,
    // Flow state (PKCE verifier, nonce) lives in this tab's sessionStorage for the length of one
    // redirect; processSigninResponse removes it. Tokens never reach a store: OidcClient has none,
    // and auth-service.ts keeps them in memory (ASVS 14.3.3).
    stateStore: new WebStorageStateStore({ store: sessionStore }),
    loadUserInfo: false,
    filterProtocolClaims: true,
  };
}

export function createOidcClient(config: ConsoleConfig, metadata: OidcMetadata): OidcClient {
  return new OidcClient(oidcClientSettings(config, metadata, window.location.origin, window.sessionStorage));
}
