// Zod schemas (zod/mini keeps the first chunk small) for the Aidbox resources the console reads.
// Every object is loose: fields Aidbox adds later, extensions and `_secret` survive a round trip.
import * as z from 'zod/mini';

export const ReferenceSchema = z.looseObject({
  reference: z.optional(z.string()),
  resourceType: z.optional(z.string()),
  id: z.optional(z.string()),
  display: z.optional(z.string()),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const MetaSchema = z.looseObject({
  versionId: z.optional(z.string()),
  lastUpdated: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type Meta = z.infer<typeof MetaSchema>;

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

export const ClientJwkSchema = z.looseObject({
  kid: z.optional(z.string()),
  kty: z.optional(z.string()),
  alg: z.optional(z.string()),
  e: z.optional(z.string()),
  n: z.optional(z.string()),
  use: z.optional(z.string()),
});

/** Aidbox `Client` (aidbox-api.md §1.1). `secret` is only ever present on writes; reads strip it. */
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

export const AccessPolicySchema = z.looseObject({
  resourceType: z.literal('AccessPolicy'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  engine: z.optional(z.string()),
  type: z.optional(z.string()),
  description: z.optional(z.string()),
  roleName: z.optional(z.string()),
  link: z.optional(z.array(ReferenceSchema)),
  matcho: z.optional(z.unknown()),
  schema: z.optional(z.unknown()),
  sql: z.optional(z.looseObject({ query: z.optional(z.string()) })),
  and: z.optional(z.array(z.unknown())),
  or: z.optional(z.array(z.unknown())),
  rpc: z.optional(z.record(z.string(), z.unknown())),
  module: z.optional(z.string()),
});
export type AccessPolicy = z.infer<typeof AccessPolicySchema>;

export const UserSchema = z.looseObject({
  resourceType: z.literal('User'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  email: z.optional(z.string()),
  userName: z.optional(z.string()),
  name: z.optional(
    z.looseObject({
      givenName: z.optional(z.string()),
      familyName: z.optional(z.string()),
      formatted: z.optional(z.string()),
    }),
  ),
  active: z.optional(z.boolean()),
  inactive: z.optional(z.boolean()),
  fhirUser: z.optional(ReferenceSchema),
  data: z.optional(z.unknown()),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.looseObject({
  resourceType: z.literal('Session'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  user: z.optional(ReferenceSchema),
  client: z.optional(ReferenceSchema),
  type: z.optional(z.string()),
  active: z.optional(z.boolean()),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  exp: z.optional(z.union([z.number(), z.string()])),
  refresh_token_exp: z.optional(z.union([z.number(), z.string()])),
  // A string in Aidbox's Session reference (core-module-resources.md); an array in older devbox data.
  scope: z.optional(z.union([z.string(), z.array(z.string())])),
  audience: z.optional(z.union([z.string(), z.array(z.string())])),
  iss: z.optional(z.string()),
  jti: z.optional(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;

export const OperationOutcomeIssueSchema = z.looseObject({
  severity: z.optional(z.string()),
  code: z.optional(z.string()),
  diagnostics: z.optional(z.string()),
  details: z.optional(z.looseObject({ text: z.optional(z.string()) })),
  expression: z.optional(z.array(z.string())),
  location: z.optional(z.array(z.string())),
});
export type OperationOutcomeIssue = z.infer<typeof OperationOutcomeIssueSchema>;

export const OperationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(OperationOutcomeIssueSchema),
});
export type OperationOutcome = z.infer<typeof OperationOutcomeSchema>;

export const BundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

/** A searchset Bundle; entries are kept raw and parsed per resource by the resource module. */
export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.optional(z.string()),
  total: z.optional(z.number()),
  link: z.optional(z.array(BundleLinkSchema)),
  entry: z.optional(
    z.array(z.looseObject({ fullUrl: z.optional(z.string()), resource: z.optional(z.unknown()) })),
  ),
});
export type Bundle = z.infer<typeof BundleSchema>;
