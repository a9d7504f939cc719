import type { Client } from '../model/client.ts';
import type { PublicJwk } from './jwks-validate.ts';
import { generateSecret } from './secret.ts';
import { SMART_KINDS, type SmartKindId } from './smart-kinds.ts';

export type ClientKindId = 'backend' | 'spa' | 'web' | 'mobile' | 'fhir-server' | SmartKindId;

export interface ClientKindInput {
  id: string;
  name?: string;
  redirectUri?: string;
  /** Only the "another FHIR server" kind: add HTTP Basic for servers that cannot do OAuth. */
  allowBasic?: boolean;
  /** SMART kinds: where an EHR launch starts the app (`smart.launch_uri`). */
  launchUri?: string;
  /** SMART kinds: the allowed scopes; the kind's `defaultScopes` when absent. */
  scope?: readonly string[];
  /** Key-based kinds: public keys only (a private key never reaches a Client). */
  keys?: { jwks?: readonly PublicJwk[]; jwks_uri?: string };
}

export interface ClientKind {
  id: ClientKindId;
  /** The picker's section: plain OAuth applications or SMART on FHIR ones. */
  group: 'oauth' | 'smart';
  label: string;
  /** The create page's heading, a proper name: "New FHIR server client", "New SMART backend service". */
  heading: string;
  /** One line shown on the kind card. */
  explanation: string;
  /** Whether the short create form asks for a redirect URI. */
  needsRedirectUri: boolean;
  /** Whether the form asks for a launch URI, and whether it must be given. */
  launchUri?: 'required' | 'optional';
  /**
   * How the client proves itself: a secret generated at creation (shown once), its own key pair
   * (public key given at creation), or nothing (a public client with PKCE).
   */
  credential: 'secret' | 'keys' | 'none';
  /** SMART kinds: the scopes the form starts from (and the scope editor is shown). */
  defaultScopes?: readonly string[];
  /** The secure starting point; secret kinds include a freshly generated secret. */
  build: (input: ClientKindInput) => Client & { id: string };
}

// Short-lived access tokens limit the damage of a leaked token (RFC 6819 §5.1.5.3); refresh tokens
// always carry an absolute lifetime because Aidbox treats a missing value as "never expires".
const BROWSER_ACCESS_TTL = 600;
const SERVICE_ACCESS_TTL = 900;
const USER_REFRESH_TTL = 8 * 3600;
const NATIVE_REFRESH_TTL = 30 * 24 * 3600;

function base(input: ClientKindInput) {
  return {
    resourceType: 'Client' as const,
    id: input.id,
    ...(input.name ? { name: input.name } : {}),
    active: true,
  };
}

function publicCodeClient(input: ClientKindInput, refreshTtl: number) {
  return {
    ...base(input),
    grant_types: ['authorization_code', 'refresh_token'],
    auth: {
      authorization_code: {
        redirect_uri: input.redirectUri ?? '',
        pkce: true,
        secret_required: false,
        token_format: 'jwt',
        access_token_expiration: BROWSER_ACCESS_TTL,
        refresh_token: true,
        refresh_token_expiration: refreshTtl,
      },
    },
  };
}

function serviceClient(input: ClientKindInput, grants: string[]) {
  return {
    ...base(input),
    secret: generateSecret(),
    grant_types: grants,
    auth: {
      client_credentials: {
        token_format: 'jwt',
        access_token_expiration: SERVICE_ACCESS_TTL,
      },
    },
  };
}

export const CLIENT_KINDS: readonly ClientKind[] = [
  {
    id: 'backend',
    group: 'oauth',
    // Integration engines and EHRs talking machine-to-machine need exactly this Client too: one
    // type, not two that build identical Clients (issue 14 §7).
    label: 'Backend service or integration engine',
    heading: 'New backend service client',
    explanation:
      'A server-side job, API, interface engine or EHR that calls Aidbox on its own behalf, with no user signing in.',
    needsRedirectUri: false,
    credential: 'secret',
    build: (input) => serviceClient(input, ['client_credentials']),
  },
  {
    id: 'spa',
    group: 'oauth',
    label: 'Single-page app',
    heading: 'New single-page app client',
    explanation:
      'JavaScript running in the browser: it cannot keep a secret, so it signs users in with PKCE.',
    needsRedirectUri: true,
    credential: 'none',
    build: (input) => publicCodeClient(input, USER_REFRESH_TTL),
  },
  {
    id: 'web',
    group: 'oauth',
    label: 'Web app with a server',
    heading: 'New web app client',
    explanation: 'A server-rendered app that signs users in and keeps its secret on the server.',
    needsRedirectUri: true,
    credential: 'secret',
    build: (input) => ({
      ...base(input),
      secret: generateSecret(),
      grant_types: ['authorization_code', 'refresh_token'],
      auth: {
        authorization_code: {
          redirect_uri: input.redirectUri ?? '',
          pkce: true,
          secret_required: true,
          token_format: 'jwt',
          access_token_expiration: SERVICE_ACCESS_TTL,
          refresh_token: true,
          refresh_token_expiration: USER_REFRESH_TTL,
        },
      },
    }),
  },
  {
    id: 'mobile',
    group: 'oauth',
    label: 'Mobile or desktop app',
    heading: 'New mobile or desktop app client',
    explanation: 'A native app on a device: no secret, PKCE, and a custom-scheme or loopback redirect.',
    needsRedirectUri: true,
    credential: 'none',
    build: (input) => publicCodeClient(input, NATIVE_REFRESH_TTL),
  },
  {
    id: 'fhir-server',
    group: 'oauth',
    // Differs from a backend service where deployments need it: a peer server that cannot do OAuth
    // may be given HTTP Basic, explicitly.
    label: 'Another FHIR server',
    heading: 'New FHIR server client',
    explanation: 'A peer FHIR server that pulls or pushes resources; HTTP Basic only if it cannot do OAuth.',
    needsRedirectUri: false,
    credential: 'secret',
    // `type` (Aidbox's free-text Client.type) records the kind, so a peer server is told apart from
    // a backend job in the list and the review.
    build: (input) => ({
      ...serviceClient(input, input.allowBasic ? ['client_credentials', 'basic'] : ['client_credentials']),
      type: 'fhir-server',
    }),
  },
  ...SMART_KINDS,
];

export function clientKind(id: ClientKindId): ClientKind {
  const kind = CLIENT_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`Unknown client kind ${id}`);
  return kind;
}

export function isClientKindId(value: string): value is ClientKindId {
  return CLIENT_KINDS.some((k) => k.id === value);
}
