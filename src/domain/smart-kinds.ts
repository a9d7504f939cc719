/**
 * The four SMART on FHIR application types of "create by type" (issue 12 §1), each from secure
 * defaults. Shapes follow aidbox-docs access-control/authorization/smart-on-fhir/
 * smart-client-authorization/smart-backend-services.md (`type: bulk-api-client`, client_credentials
 * with `client_assertion_types`, `jwks`/`jwks_uri`, no secret), smart-app-launch.md (`type: smart-app`,
 * `token_format: jwt`, `secret_required`, `smart.launch_uri`, `scope`) and
 * smart-client-authentication/smart-asymmetric-docs-private-key-jwt-authentication.md; lifetimes and
 * scopes follow SMART App Launch 2.x.
 */
import type { Client } from '../model/client.ts';
import { ASSERTION_TYPE } from './client-assertion.ts';
import type { ClientKind, ClientKindInput } from './client-kinds.ts';
import { splitScopes } from './smart-scopes.ts';

export type SmartKindId = 'smart-backend' | 'smart-ehr' | 'smart-patient' | 'smart-confidential';

// SMART Backend Services: "The access token SHOULD have a lifetime of no greater than five
// minutes" — and Aidbox's own example registers 300.
const BACKEND_ACCESS_TTL = 300;
const APP_ACCESS_TTL = 600;
// Refresh tokens come only with offline_access/online_access, and always with an absolute
// lifetime: Aidbox treats a missing one as "never expires". A patient uses their app rarely, so
// their refresh token lives longer than a clinician's working day.
const PATIENT_REFRESH_TTL = 30 * 24 * 3600;
const CLINICIAN_REFRESH_TTL = 8 * 3600;
const REFRESH_SCOPES = ['offline_access', 'online_access'];

function base(input: ClientKindInput, type: string) {
  return {
    resourceType: 'Client' as const,
    id: input.id,
    ...(input.name ? { name: input.name } : {}),
    active: true,
    type,
  };
}

/** The public key material: a JWK Set wins over a URI (the create form offers one or the other). */
function keys(input: ClientKindInput): Pick<Client, 'jwks' | 'jwks_uri'> {
  if (input.keys?.jwks && input.keys.jwks.length > 0) {
    return { jwks: input.keys.jwks.map((k) => ({ ...k })) };
  }
  return input.keys?.jwks_uri ? { jwks_uri: input.keys.jwks_uri } : {};
}

const BACKEND_SCOPES = ['system/Patient.rs', 'system/Observation.rs'];
const EHR_SCOPES = ['launch', 'openid', 'fhirUser', 'patient/Patient.r', 'patient/Observation.rs'];
// Realistic read-only patient scopes, never patient/*.
const PATIENT_SCOPES = [
  'launch/patient',
  'openid',
  'fhirUser',
  'offline_access',
  'patient/Patient.r',
  'patient/Observation.rs',
];
const CONFIDENTIAL_SCOPES = ['launch', 'openid', 'fhirUser', 'user/Patient.rs', 'user/Observation.rs'];

function scopes(input: ClientKindInput, defaults: readonly string[]): string[] {
  return splitScopes(input.scope ?? defaults);
}

/** An authorization-code SMART app; refresh tokens only when a refresh scope is asked for. */
function smartApp(
  input: ClientKindInput,
  defaults: readonly string[],
  opts: { confidential: boolean; refreshTtl: number; accessTtl: number },
) {
  const scope = scopes(input, defaults);
  const refresh = scope.some((s) => REFRESH_SCOPES.includes(s));
  return {
    ...base(input, 'smart-app'),
    grant_types: refresh ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    auth: {
      authorization_code: {
        redirect_uri: input.redirectUri ?? '',
        pkce: true,
        // smart-app-launch.md: true for a confidential Client; here the credential is the app's
        // signed assertion (private_key_jwt), never a shared secret.
        secret_required: opts.confidential,
        ...(opts.confidential ? { client_assertion_types: [ASSERTION_TYPE] } : {}),
        token_format: 'jwt',
        access_token_expiration: opts.accessTtl,
        ...(refresh ? { refresh_token: true, refresh_token_expiration: opts.refreshTtl } : {}),
      },
    },
    ...(input.launchUri ? { smart: { launch_uri: input.launchUri } } : {}),
    scope,
    ...(opts.confidential ? keys(input) : {}),
  };
}

export const SMART_KINDS: readonly ClientKind[] = [
  {
    id: 'smart-backend',
    group: 'smart',
    label: 'SMART backend service',
    heading: 'New SMART backend service',
    explanation:
      'A server job (bulk export, analytics, integration) that signs a JWT with its own private key: no secret, system scopes.',
    needsRedirectUri: false,
    credential: 'keys',
    defaultScopes: BACKEND_SCOPES,
    build: (input) => ({
      ...base(input, 'bulk-api-client'),
      grant_types: ['client_credentials'],
      auth: {
        client_credentials: {
          client_assertion_types: [ASSERTION_TYPE],
          token_format: 'jwt',
          access_token_expiration: BACKEND_ACCESS_TTL,
        },
      },
      scope: scopes(input, BACKEND_SCOPES),
      ...keys(input),
    }),
  },
  {
    id: 'smart-ehr',
    group: 'smart',
    label: 'SMART app with EHR launch',
    heading: 'New SMART app with EHR launch',
    explanation:
      'Opened from inside the EHR with the patient already in context; runs in the browser, so PKCE and no secret.',
    needsRedirectUri: true,
    launchUri: 'required',
    credential: 'none',
    defaultScopes: EHR_SCOPES,
    build: (input) =>
      smartApp(input, EHR_SCOPES, {
        confidential: false,
        refreshTtl: CLINICIAN_REFRESH_TTL,
        accessTtl: APP_ACCESS_TTL,
      }),
  },
  {
    id: 'smart-patient',
    group: 'smart',
    label: 'SMART standalone patient app',
    heading: 'New SMART standalone patient app',
    explanation:
      'A patient opens it on their own and picks their record; public, PKCE, read-only patient scopes.',
    needsRedirectUri: true,
    launchUri: 'optional',
    credential: 'none',
    defaultScopes: PATIENT_SCOPES,
    build: (input) =>
      smartApp(input, PATIENT_SCOPES, {
        confidential: false,
        refreshTtl: PATIENT_REFRESH_TTL,
        accessTtl: APP_ACCESS_TTL,
      }),
  },
  {
    id: 'smart-confidential',
    group: 'smart',
    label: 'Confidential asymmetric SMART app',
    heading: 'New confidential asymmetric SMART app',
    explanation:
      'A SMART app with a server that proves itself with its own private key (private_key_jwt) instead of a shared secret.',
    needsRedirectUri: true,
    launchUri: 'optional',
    credential: 'keys',
    defaultScopes: CONFIDENTIAL_SCOPES,
    build: (input) =>
      smartApp(input, CONFIDENTIAL_SCOPES, {
        confidential: true,
        refreshTtl: CLINICIAN_REFRESH_TTL,
        accessTtl: APP_ACCESS_TTL,
      }),
  },
];
