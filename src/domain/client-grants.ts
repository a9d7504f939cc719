/**
 * The structural view of an Aidbox `Client` that the pure domain rules read. It is deliberately
 * loose (every field optional, unknown fields allowed) so it accepts both the API layer's parsed
 * type and a half-edited form value without conversion.
 */
export interface GrantSettings {
  redirect_uri?: string;
  pkce?: boolean;
  secret_required?: boolean;
  token_format?: string;
  access_token_expiration?: number;
  refresh_token?: boolean;
  refresh_token_expiration?: number;
  audience?: string[];
  client_assertion_types?: string[];
  [key: string]: unknown;
}

/** Keys of `Client.auth`: one settings object per grant. */
export const AUTH_KEYS = [
  'authorization_code',
  'client_credentials',
  'password',
  'implicit',
  'token_exchange',
] as const;
export type AuthKey = (typeof AUTH_KEYS)[number];

export interface ClientShape {
  resourceType?: string;
  id?: string;
  secret?: string;
  _secret?: unknown;
  active?: boolean;
  name?: string;
  description?: string;
  type?: string;
  first_party?: boolean;
  trusted?: boolean;
  grant_types?: string[];
  auth?: Partial<Record<AuthKey, GrantSettings>> & Record<string, unknown>;
  jwks?: unknown[];
  jwks_uri?: string;
  allowed_origins?: string[];
  scope?: string[];
  meta?: { versionId?: string; lastUpdated?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** Every value Aidbox documents for `Client.grant_types`. */
export const GRANT_TYPES = [
  'authorization_code',
  'code',
  'client_credentials',
  'refresh_token',
  'basic',
  TOKEN_EXCHANGE_GRANT,
  'password',
  'implicit',
] as const;

/** Which `auth.*` block configures a grant type; `code` is Aidbox's alias of authorization_code. */
export function authKeyForGrant(grant: string): AuthKey | undefined {
  switch (grant) {
    case 'authorization_code':
    case 'code':
      return 'authorization_code';
    case 'client_credentials':
      return 'client_credentials';
    case 'password':
      return 'password';
    case 'implicit':
      return 'implicit';
    case TOKEN_EXCHANGE_GRANT:
      return 'token_exchange';
    default:
      return undefined;
  }
}

/**
 * The grant types as a list of strings. Values typed in the raw JSON tab may have any shape, so
 * every rule reads grants through this instead of trusting the type.
 */
export function grantList(client: ClientShape): string[] {
  const grants: unknown = client.grant_types;
  return Array.isArray(grants) ? grants.filter((g): g is string => typeof g === 'string') : [];
}

export function hasGrant(client: ClientShape, key: AuthKey): boolean {
  return grantList(client).some((g) => authKeyForGrant(g) === key);
}

/** The grant settings blocks that are actually present, in a stable order. */
export function grantSettings(client: ClientShape): [AuthKey, GrantSettings][] {
  const out: [AuthKey, GrantSettings][] = [];
  for (const key of AUTH_KEYS) {
    const auth: unknown = client.auth;
    const value: unknown =
      auth && typeof auth === 'object' ? (auth as Record<string, unknown>)[key] : undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) out.push([key, value as GrantSettings]);
  }
  return out;
}

/** A stored secret or a vault reference (`_secret`): either way the client holds a credential. */
export function holdsSecret(client: ClientShape): boolean {
  return (
    (typeof client.secret === 'string' && client.secret !== '') ||
    (client._secret !== undefined && client._secret !== null)
  );
}

/**
 * The one definition of "public client" used by lint badges, the editor and the list: no stored
 * secret, no vault secret, no grant that demands a secret, and no asymmetric key (a client that
 * signs assertions with its own key is confidential even without a shared secret).
 */
export function isPublicClient(client: ClientShape): boolean {
  if (holdsSecret(client)) return false;
  if (grantSettings(client).some(([, s]) => s.secret_required === true)) return false;
  if (client.jwks_uri || (Array.isArray(client.jwks) && client.jwks.length > 0)) return false;
  return true;
}

/** True when the secret lives in a vault: the console shows it read-only and never rotates it. */
export function hasVaultSecret(client: ClientShape): boolean {
  return client._secret !== undefined && client._secret !== null;
}
