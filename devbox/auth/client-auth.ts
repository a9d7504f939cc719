// Client authentication at /auth/token and /auth/introspect: client_secret_basic (RFC 6749
// §2.3.1: base64, then form-urldecode id and secret), client_secret_post, or private_key_jwt
// (RFC 7523, client-assertion.ts); never two at once.
import type { DevboxContext } from '../context.ts';
import { verifyClientAssertion } from './client-assertion.ts';
import type { Resource } from '../store/types.ts';
import { OAuthError } from './oauth-error.ts';
import { verifyClientSecret } from './secrets.ts';
import { grantConfig, type GrantKind } from './tokens.ts';
import { clientIsActive, readClient } from './users.ts';

export interface AuthenticatedClient {
  client: Resource;
  /** True when a correct secret was presented. */
  secretVerified: boolean;
  method: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';
}

/** A secret or a signed client assertion was verified (a confidential client proved itself). */
export function credentialVerified(auth: AuthenticatedClient): boolean {
  return auth.secretVerified || auth.method === 'private_key_jwt';
}

function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  }
}

export function parseTokenBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header ? /^Basic\s+(\S+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  return { id: formDecode(decoded.slice(0, i)), secret: formDecode(decoded.slice(i + 1)) };
}

export async function authenticateClient(
  ctx: DevboxContext,
  authorization: string | undefined,
  body: Record<string, string>,
): Promise<AuthenticatedClient> {
  const basic = parseTokenBasic(authorization);
  if (body.client_assertion !== undefined || body.client_assertion_type !== undefined) {
    if (basic || body.client_secret !== undefined) {
      throw new OAuthError(
        'invalid_request',
        'Use one client authentication method, not a secret and an assertion',
      );
    }
    const client = await verifyClientAssertion(ctx, {
      assertion: body.client_assertion ?? '',
      assertionType: body.client_assertion_type ?? '',
      clientId: body.client_id,
      grantType: body.grant_type,
    });
    return { client, secretVerified: false, method: 'private_key_jwt' };
  }
  if (basic && body.client_secret !== undefined) {
    throw new OAuthError(
      'invalid_request',
      'Use one client authentication method, not Basic and client_secret',
    );
  }
  if (basic && body.client_id !== undefined && body.client_id !== basic.id) {
    throw new OAuthError('invalid_client', 'client_id does not match the Basic credentials');
  }
  const id = basic?.id ?? body.client_id;
  const secret = basic?.secret ?? body.client_secret;
  if (!id) throw new OAuthError('invalid_client', 'Client authentication required (client_id missing)');
  const client = await readClient(ctx, id);
  if (!client) throw new OAuthError('invalid_client', 'Invalid client credentials');
  if (secret !== undefined && !verifyClientSecret(secret, client.secret)) {
    throw new OAuthError('invalid_client', 'Invalid client credentials');
  }
  if (!clientIsActive(client)) throw new OAuthError('invalid_client', 'Client is inactive');
  const method = basic ? 'client_secret_basic' : secret !== undefined ? 'client_secret_post' : 'none';
  return { client, secretVerified: secret !== undefined, method };
}

/**
 * Whether a grant needs the secret. client_credentials always does. Otherwise the grant's
 * `secret_required` decides; when it is absent, a Client that has a secret must present it
 * (strictest reading; public clients simply have no secret).
 */
export function secretRequired(client: Resource, grant: GrantKind | 'client_credentials'): boolean {
  if (grant === 'client_credentials') return true;
  const flag = grantConfig(client, grant).secret_required;
  if (flag === true) return true;
  if (flag === false) return false;
  return typeof client.secret === 'string' && client.secret.length > 0;
}

export function requireSecretIfNeeded(auth: AuthenticatedClient, grant: GrantKind): void {
  if (secretRequired(auth.client, grant) && !credentialVerified(auth)) {
    throw new OAuthError('invalid_client', `Client secret is required for the ${grant} grant`);
  }
}
