// The one oidc-client-ts UserManager, configured per security.md §1.3 (defaults are not safe for us).
import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type UserManagerSettings,
} from 'oidc-client-ts';
import type { ConsoleConfig } from '../config/config.ts';
import type { OidcMetadata } from '../config/discovery.ts';

export function userManagerSettings(
  config: ConsoleConfig,
  metadata: OidcMetadata,
  origin: string,
  sessionStore: Storage,
): UserManagerSettings {
  const redirectUri = `${origin}/callback`;
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
    redirect_uri: redirectUri,
    // Aidbox allows one redirect_uri per grant, so the re-auth popup comes back to the same route.
    popup_redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: config.scopes,
    disablePKCE: false,
    // Tokens live in memory only (ASVS 14.3.3); flow state (PKCE verifier, nonce) in this tab's
    // sessionStorage for the length of one redirect.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStore }),
    // Renewal is driven by auth-service.ts through a single-flight, cross-tab lock, using the
    // refresh token; the library's own timer would bypass that lock. No iframe renew.
    automaticSilentRenew: false,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    monitorSession: false,
    // Aidbox advertises no revocation endpoint; sign-out uses DELETE /Session instead.
    revokeTokensOnSignout: false,
    loadUserInfo: false,
    filterProtocolClaims: true,
    popupWindowFeatures: { width: 520, height: 680 },
  };
}

export function createUserManager(config: ConsoleConfig, metadata: OidcMetadata): UserManager {
  return new UserManager(
    userManagerSettings(config, metadata, window.location.origin, window.sessionStorage),
  );
}
