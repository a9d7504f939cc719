// The grant and secret facts every Client rule reads, over the model's Client (src/model/client.ts).
import type { AuthKey, ClientDraft, GrantSettings } from '../model/client.ts';

/** Keys of `Client.auth`: one settings object per grant. */
export const AUTH_KEYS = [
  'authorization_code',
  'client_credentials',
  'password',
  'implicit',
  'token_exchange',
] as const satisfies readonly AuthKey[];

/**
 * A Client and whether Aidbox holds a secret for it. Reads never carry the secret (api/ strips it
 * and reports `hasSecret`), so rules that care are told explicitly instead of reading a placeholder.
 */
export interface ClientSubject {
  client: ClientDraft;
  hasSecret: boolean;
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
export function grantList(client: ClientDraft): string[] {
  const grants: unknown = client.grant_types;
  return Array.isArray(grants) ? grants.filter((g): g is string => typeof g === 'string') : [];
}

export function hasGrant(client: ClientDraft, key: AuthKey): boolean {
  return grantList(client).some((g) => authKeyForGrant(g) === key);
}

/** The grant settings blocks that are actually present, in a stable order. */
export function grantSettings(client: ClientDraft): [AuthKey, GrantSettings][] {
  const out: [AuthKey, GrantSettings][] = [];
  for (const key of AUTH_KEYS) {
    const auth: unknown = client.auth;
    const value: unknown =
      auth && typeof auth === 'object' ? (auth as Record<string, unknown>)[key] : undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) out.push([key, value as GrantSettings]);
  }
  return out;
}

/**
 * A stored secret (`hasStoredSecret`, as api/ reports it), a secret about to be written (a draft's
 * `secret`) or a vault reference (`_secret`): any of them means the client holds a credential.
 */
export function holdsSecret(client: ClientDraft, hasStoredSecret: boolean): boolean {
  return (
    hasStoredSecret ||
    (typeof client.secret === 'string' && client.secret !== '') ||
    (client._secret !== undefined && client._secret !== null)
  );
}

/**
 * The one definition of "public client" used by lint badges, the editor and the list: no stored
 * secret, no vault secret, no grant that demands a secret, and no asymmetric key (a client that
 * signs assertions with its own key is confidential even without a shared secret).
 */
export function isPublicClient(client: ClientDraft, hasStoredSecret: boolean): boolean {
  if (holdsSecret(client, hasStoredSecret)) return false;
  if (grantSettings(client).some(([, s]) => s.secret_required === true)) return false;
  if (client.jwks_uri || (Array.isArray(client.jwks) && client.jwks.length > 0)) return false;
  return true;
}

/** True when the secret lives in a vault: the console shows it read-only and never rotates it. */
export function hasVaultSecret(client: ClientDraft): boolean {
  return client._secret !== undefined && client._secret !== null;
}
