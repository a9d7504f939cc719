// Aidbox `Client` (docs/reference/system-resources-reference/core-module-resources.md, aidbox-api.md
// §1.1): the one place its shape is written. Every object is loose, so fields Aidbox adds later,
// extensions and the vault `_secret` reference survive a round trip.
import * as z from 'zod/mini';
import { MetaSchema, ReferenceSchema } from './meta.ts';

const seconds = z.optional(z.number());
const strings = z.optional(z.array(z.string()));

/** Settings shared by every grant block of `Client.auth`. */
const grantCommon = {
  token_format: z.optional(z.string()),
  access_token_expiration: seconds,
  refresh_token: z.optional(z.boolean()),
  refresh_token_expiration: seconds,
  audience: strings,
  client_assertion_types: strings,
};

export const AuthorizationCodeSchema = z.looseObject({
  ...grantCommon,
  redirect_uri: z.optional(z.string()),
  pkce: z.optional(z.boolean()),
  secret_required: z.optional(z.boolean()),
  default_identity_provider: z.optional(ReferenceSchema),
});
export const ClientCredentialsSchema = z.looseObject(grantCommon);
export const PasswordGrantSchema = z.looseObject({
  ...grantCommon,
  secret_required: z.optional(z.boolean()),
  redirect_uri: z.optional(z.string()),
});
export const ImplicitGrantSchema = z.looseObject({
  redirect_uri: z.optional(z.string()),
  token_format: z.optional(z.string()),
  access_token_expiration: seconds,
  audience: strings,
});
export const TokenExchangeSchema = z.looseObject(grantCommon);

export const ClientAuthSchema = z.looseObject({
  authorization_code: z.optional(AuthorizationCodeSchema),
  client_credentials: z.optional(ClientCredentialsSchema),
  password: z.optional(PasswordGrantSchema),
  implicit: z.optional(ImplicitGrantSchema),
  token_exchange: z.optional(TokenExchangeSchema),
});
export type ClientAuth = z.infer<typeof ClientAuthSchema>;

/** Keys of `Client.auth`: one settings block per grant. */
export type AuthKey =
  'authorization_code' | 'client_credentials' | 'password' | 'implicit' | 'token_exchange';

/**
 * One grant block, read generically. `authorization_code` documents every field any grant block
 * has, so it is the widest; the other blocks are subsets of it.
 */
export type GrantSettings = z.infer<typeof AuthorizationCodeSchema>;

export const ClientJwkSchema = z.looseObject({
  kid: z.optional(z.string()),
  kty: z.optional(z.string()),
  alg: z.optional(z.string()),
  e: z.optional(z.string()),
  n: z.optional(z.string()),
  use: z.optional(z.string()),
});
/** One key of a Client's `jwks`, as stored (loose: EC members and anything else survive). */
export type ClientJwk = z.infer<typeof ClientJwkSchema>;

/** Aidbox `Client`. `secret` is only ever present on writes; reads strip it (see StoredClient). */
export const ClientSchema = z.looseObject({
  resourceType: z.literal('Client'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  secret: z.optional(z.string()),
  active: z.optional(z.boolean()),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  type: z.optional(z.string()),
  grant_types: strings,
  first_party: z.optional(z.boolean()),
  trusted: z.optional(z.boolean()),
  auth: z.optional(ClientAuthSchema),
  scope: strings,
  'allowed-scopes': z.optional(z.array(ReferenceSchema)),
  scopes: z.optional(
    z.array(
      z.looseObject({
        policy: z.optional(ReferenceSchema),
        parameters: z.optional(z.record(z.string(), z.unknown())),
      }),
    ),
  ),
  smart: z.optional(
    z.looseObject({
      launch_uri: z.optional(z.string()),
      name: z.optional(z.string()),
      description: z.optional(z.string()),
    }),
  ),
  jwks: z.optional(z.array(ClientJwkSchema)),
  jwks_uri: z.optional(z.string()),
  allowedIssuers: strings,
  allowed_origins: strings,
  'fhir-base-url': z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.unknown())),
  _source: z.optional(z.string()),
  /** Vault reference (aidbox-api.md §1.4); preserved untouched on every edit. */
  _secret: z.optional(z.unknown()),
});
export type Client = z.infer<typeof ClientSchema>;

/** A Client as the console holds it after a read: `secret` is stripped before anything is cached. */
export const StoredClientSchema = z.omit(ClientSchema, { secret: true });
export type StoredClient = z.infer<typeof StoredClientSchema>;

/**
 * A Client being written or judged: a half-edited form value, raw JSON typed by the admin, or a
 * stored Client. Nothing is guaranteed present, so rules read it defensively. A `secret` here is
 * one the admin is about to write, never one read back (reads strip it).
 */
export type ClientDraft = Partial<Client>;
