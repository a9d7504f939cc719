// The /auth/token grants. Each returns a token response or throws OAuthError.
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { StoreError } from '../store/types.ts';
import { authenticateClient, credentialVerified, requireSecretIfNeeded } from './client-auth.ts';
import { OAuthError } from './oauth-error.ts';
import { verifierMatches } from './pkce.ts';
import { verifyPassword } from './secrets.ts';
import { issueTokens, revokeOnCodeReplay, sessionForSecret, type TokenResponse } from './sessions.ts';
import { grantedScopes } from './smart-scopes.ts';
import { grantConfig, type GrantKind } from './tokens.ts';
import { findUser, grantTypes, refId, userIsActive } from './users.ts';

export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/\s+/).filter(Boolean))];
}

/** Aidbox lists auth-code clients with "code", "authorization_code" or both. */
export function clientAllowsGrant(client: Resource, grant: GrantKind): boolean {
  const types = grantTypes(client);
  if (grant === 'authorization_code') return types.includes('authorization_code') || types.includes('code');
  return types.includes(grant);
}

function requireGrant(client: Resource, grant: GrantKind): void {
  if (!clientAllowsGrant(client, grant)) {
    throw new OAuthError('unauthorized_client', `The ${grant} grant is not allowed for this client`);
  }
}

async function activeUser(ctx: DevboxContext, id: string | undefined): Promise<Resource> {
  const user = id ? await ctx.store.read('User', id) : undefined;
  if (!user) throw new OAuthError('invalid_grant', 'User not found');
  if (!userIsActive(user)) throw new OAuthError('invalid_grant', 'User is inactive');
  return user;
}

/** Session writes guarded by If-Match: losing a race means the code/refresh token was already used. */
async function continueSession(ctx: DevboxContext, fn: () => Promise<TokenResponse>, what: string) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StoreError && (e.kind === 'version-conflict' || e.kind === 'not-found')) {
      throw new OAuthError('invalid_grant', `${what} was already used`);
    }
    throw e;
  }
}

export async function tokenGrant(
  ctx: DevboxContext,
  authorization: string | undefined,
  body: Record<string, string>,
): Promise<TokenResponse> {
  const grant = body.grant_type;
  if (!grant) throw new OAuthError('invalid_request', 'grant_type is required');
  const known = ['authorization_code', 'client_credentials', 'password', 'refresh_token'];
  if (!known.includes(grant))
    throw new OAuthError('unsupported_grant_type', `Unsupported grant_type ${grant}`);
  const auth = await authenticateClient(ctx, authorization, body);
  const { client } = auth;

  if (grant === 'client_credentials') {
    requireGrant(client, 'client_credentials');
    requireSecretIfNeeded(auth, 'client_credentials');
    return issueTokens(ctx, {
      grant,
      client,
      user: undefined,
      scope: grantedScopes(client, parseScope(body.scope), ctx.config.reading),
      allowRefresh: true,
    });
  }

  if (grant === 'password') {
    requireGrant(client, 'password');
    requireSecretIfNeeded(auth, 'password');
    if (!body.username || body.password === undefined) {
      throw new OAuthError('invalid_request', 'username and password are required');
    }
    const user = await findUser(ctx, body.username);
    if (!user || !verifyPassword(body.password, user.password)) {
      throw new OAuthError('invalid_grant', 'Wrong user name or password');
    }
    if (!userIsActive(user)) throw new OAuthError('invalid_grant', 'User is inactive');
    return issueTokens(ctx, {
      grant,
      client,
      user,
      scope: grantedScopes(client, parseScope(body.scope), ctx.config.reading),
      allowRefresh: true,
    });
  }

  if (grant === 'authorization_code') {
    requireGrant(client, 'authorization_code');
    requireSecretIfNeeded(auth, 'authorization_code');
    return redeemCode(ctx, client, body);
  }

  return refresh(ctx, client, credentialVerified(auth), body);
}

async function redeemCode(ctx: DevboxContext, client: Resource, body: Record<string, string>) {
  if (!body.code) throw new OAuthError('invalid_request', 'code is required');
  const found = await sessionForSecret(ctx, body.code, 'authorization_code');
  if ('error' in found && (await revokeOnCodeReplay(ctx, body.code))) {
    throw new OAuthError(
      'invalid_grant',
      'Authorization code was already used; the tokens issued from it are revoked',
    );
  }
  if ('error' in found) {
    throw new OAuthError(
      'invalid_grant',
      found.error === 'expired'
        ? 'Authorization code expired'
        : 'Authorization code is invalid or was already used',
    );
  }
  const { session } = found;
  const sctx = (session.ctx ?? {}) as Record<string, unknown>;
  if (refId(session.client, 'Client') !== client.id) {
    throw new OAuthError('invalid_grant', 'Authorization code was issued to another client');
  }
  if (body.redirect_uri !== sctx.redirect_uri) {
    throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
  }
  const challenge = typeof sctx.code_challenge === 'string' ? sctx.code_challenge : undefined;
  if (challenge) {
    if (!body.code_verifier) throw new OAuthError('invalid_grant', 'code_verifier is required (PKCE)');
    if (!verifierMatches(body.code_verifier, challenge)) {
      throw new OAuthError('invalid_grant', 'PKCE verification failed: code_verifier does not match');
    }
  } else if (body.code_verifier) {
    throw new OAuthError(
      'invalid_grant',
      'code_verifier sent but the authorization request had no code_challenge',
    );
  }
  const user = await activeUser(ctx, refId(session.user, 'User'));
  const scope = Array.isArray(session.scope)
    ? session.scope.filter((s): s is string => typeof s === 'string')
    : [];
  const nonce = typeof sctx.nonce === 'string' ? sctx.nonce : undefined;
  const authTime = typeof sctx.auth_time === 'number' ? sctx.auth_time : undefined;
  return continueSession(
    ctx,
    () =>
      issueTokens(ctx, {
        grant: 'authorization_code',
        client,
        user,
        scope,
        nonce,
        authTime,
        existing: session,
        allowRefresh: true,
      }),
    'Authorization code',
  );
}

async function refresh(
  ctx: DevboxContext,
  client: Resource,
  secretVerified: boolean,
  body: Record<string, string>,
) {
  if (!body.refresh_token) throw new OAuthError('invalid_request', 'refresh_token is required');
  const found = await sessionForSecret(ctx, body.refresh_token, 'refresh_token');
  if ('error' in found) {
    throw new OAuthError(
      'invalid_grant',
      found.error === 'expired'
        ? 'Refresh token expired'
        : 'Refresh token is invalid, revoked or was already used',
    );
  }
  const { session } = found;
  if (refId(session.client, 'Client') !== client.id || session.active === false) {
    throw new OAuthError('invalid_grant', 'Refresh token is invalid, revoked or was already used');
  }
  const grant = session.type as GrantKind;
  if (!['authorization_code', 'client_credentials', 'password'].includes(grant)) {
    throw new OAuthError('invalid_grant', 'Refresh token is invalid');
  }
  requireGrant(client, grant);
  requireSecretIfNeeded({ client, secretVerified, method: 'none' }, grant);
  if (grantConfig(client, grant).refresh_token !== true) {
    throw new OAuthError('invalid_grant', 'Refresh tokens are disabled for this client');
  }
  const userId = refId(session.user, 'User');
  const user = userId ? await activeUser(ctx, userId) : undefined;
  const granted = Array.isArray(session.scope)
    ? session.scope.filter((s): s is string => typeof s === 'string')
    : [];
  const requested = body.scope === undefined ? granted : parseScope(body.scope);
  if (requested.some((s) => !granted.includes(s))) {
    throw new OAuthError('invalid_scope', 'A refresh may not widen the granted scope');
  }
  return continueSession(
    ctx,
    () =>
      issueTokens(ctx, {
        grant,
        client,
        user,
        scope: requested,
        existing: session,
        allowRefresh: true,
        refresh: true,
      }),
    'Refresh token',
  );
}
