// Client body validation against the documented fields (aidbox-api.md §1.1). Only types and
// documented enumerations are checked; undocumented fields pass through untouched.
import { arrayOf, bool, nonNegInt, obj, oneOf, shape, str } from './checks.ts';
import type { Issues } from './checks.ts';

const GRANT_TYPES = [
  'basic',
  'authorization_code',
  'code',
  'password',
  'client_credentials',
  'implicit',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:token-exchange',
] as const;

const strings = arrayOf(str);
const tokenFormat = oneOf(['jwt']);
const common = {
  token_format: tokenFormat,
  access_token_expiration: nonNegInt,
  refresh_token: bool,
  refresh_token_expiration: nonNegInt,
  audience: strings,
};

const clientShape = shape({
  secret: str,
  active: bool,
  name: str,
  description: str,
  type: str,
  grant_types: arrayOf(oneOf(GRANT_TYPES)),
  first_party: bool,
  trusted: bool,
  auth: shape({
    authorization_code: shape({
      ...common,
      redirect_uri: str,
      pkce: bool,
      secret_required: bool,
      client_assertion_types: strings,
      default_identity_provider: obj,
    }),
    client_credentials: shape({ ...common, client_assertion_types: strings }),
    password: shape({ ...common, secret_required: bool, redirect_uri: str }),
    implicit: shape({
      redirect_uri: str,
      token_format: tokenFormat,
      access_token_expiration: nonNegInt,
      audience: strings,
    }),
    token_exchange: shape(common),
  }),
  scope: strings,
  'allowed-scopes': arrayOf(obj),
  scopes: arrayOf(shape({ policy: obj, parameters: obj })),
  smart: shape({ launch_uri: str, name: str, description: str }),
  jwks: arrayOf(obj),
  jwks_uri: str,
  allowedIssuers: strings,
  allowed_origins: strings,
  'fhir-base-url': str,
  details: obj,
  _secret: obj,
});

export function validateClient(resource: Record<string, unknown>, issues: Issues): void {
  clientShape(resource, 'Client', issues);
}
