// Which flows the playground offers, and which of them a Client's configuration allows.
import type { StoredClient } from '../../model/client.ts';
import type { RunTokens } from './playground-store.ts';

export type Flow =
  | 'authorization_code'
  | 'client_credentials'
  | 'backend_services'
  | 'password'
  | 'refresh_token'
  | 'implicit'
  | 'userinfo'
  | 'introspect'
  | 'revoke';

export interface FlowInfo {
  id: Flow;
  label: string;
  /** Shown beside legacy grants: why not to use them in new code. */
  legacy?: string;
  /** Flows that act on a token the playground already has. */
  needsToken?: boolean;
  /** Flows that only make sense with a user's token (not a client_credentials one). */
  needsUserToken?: boolean;
}

export const FLOWS: FlowInfo[] = [
  { id: 'authorization_code', label: 'Authorization code + PKCE' },
  { id: 'client_credentials', label: 'Client credentials' },
  { id: 'backend_services', label: 'Backend services (signed client assertion)' },
  {
    id: 'password',
    label: 'Password',
    legacy:
      'Legacy: the app sees the user’s password, and MFA or SSO cannot apply. Removed in OAuth 2.1 (RFC 9700 §2.4).',
  },
  { id: 'refresh_token', label: 'Refresh token', needsToken: true },
  {
    id: 'implicit',
    label: 'Implicit',
    legacy:
      'Legacy: the access token comes back in the URL fragment (history, logs, referrers) with no PKCE. Removed in OAuth 2.1 (RFC 9700 §2.1.2).',
  },
  { id: 'userinfo', label: 'Userinfo', needsToken: true, needsUserToken: true },
  { id: 'introspect', label: 'Introspection', needsToken: true },
  { id: 'revoke', label: 'Revocation (DELETE /Session)', needsToken: true },
];

export function isFlow(value: string | null): value is Flow {
  return FLOWS.some((f) => f.id === value);
}

/** Undefined when allowed; otherwise why the Client's configuration rules the flow out. */
export function flowBlockedReason(flow: Flow, client: StoredClient | undefined): string | undefined {
  if (!client) return undefined; // a typed id: we cannot know, let the server answer
  const grants = new Set(client.grant_types ?? []);
  const auth = client.auth ?? {};
  switch (flow) {
    case 'authorization_code':
      return grants.has('authorization_code') || grants.has('code') ? undefined : 'not in grant_types';
    case 'backend_services': {
      // SMART Backend Services: client_credentials authenticated by a key (RFC 7523), not a secret.
      if (!grants.has('client_credentials')) return 'not in grant_types';
      const keyed =
        client.jwks !== undefined ||
        client.jwks_uri !== undefined ||
        Object.values(auth).some((g) => typeof g === 'object' && g !== null && 'client_assertion_types' in g);
      return keyed ? undefined : 'no jwks, jwks_uri or client_assertion_types';
    }
    case 'client_credentials':
    case 'password':
    case 'implicit':
      return grants.has(flow) ? undefined : 'not in grant_types';
    case 'refresh_token': {
      const any =
        grants.has('refresh_token') ||
        auth.authorization_code?.refresh_token === true ||
        auth.password?.refresh_token === true ||
        auth.client_credentials?.refresh_token === true;
      return any ? undefined : 'no grant has refresh_token: true';
    }
    default:
      return undefined;
  }
}

/** A token issued to the Client itself (client_credentials, with a secret or a key): it has no user. */
export function isClientToken(tokens: RunTokens | undefined): boolean {
  return tokens?.issuedBy === 'client_credentials' || tokens?.issuedBy === 'backend_services';
}

/** Undefined when the current token suits the flow; otherwise why not (a client token for userinfo). */
export function tokenBlockedReason(flow: Flow, tokens: RunTokens | undefined): string | undefined {
  const info = FLOWS.find((f) => f.id === flow);
  if (!info?.needsUserToken || !isClientToken(tokens)) return undefined;
  return 'needs a user’s token; the current one is a client_credentials token';
}

/** The grant whose settings apply to the flow (for redirect URI and token format hints). */
export function redirectUriOf(client: StoredClient | undefined, flow: Flow): string | undefined {
  if (flow === 'implicit') return client?.auth?.implicit?.redirect_uri;
  return client?.auth?.authorization_code?.redirect_uri;
}

/**
 * A SMART app: `type: smart-app` (aidbox-docs smart-app-launch.md), or a Client whose allowed
 * scopes are SMART launch or patient/user scopes. Its code flow offers the launch scopes and `aud`.
 */
export function isSmartApp(client: StoredClient | undefined): boolean {
  if (!client) return false;
  if (client.type === 'smart-app' || client.smart?.launch_uri) return true;
  return (client.scope ?? []).some((s) => s.startsWith('launch') || /^(patient|user)\//.test(s));
}
