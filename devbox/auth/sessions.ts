// Sessions back every issued token (aidbox-api.md §5). Only SHA-256 hashes of tokens are stored.
import type { JWTPayload } from 'jose';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import {
  audienceOf,
  DEFAULT_ACCESS_TOKEN_EXPIRATION,
  grantConfig,
  hashToken,
  isJwt,
  newSessionId,
  nowSeconds,
  positiveSeconds,
  sessionIdOf,
  sessionToken,
  signJwt,
  tokenMatches,
  verifyOurJwt,
  type GrantKind,
} from './tokens.ts';
import { idTokenFor } from './id-token.ts';
import { userView } from './users.ts';

export interface IssueInput {
  grant: GrantKind;
  client: Resource;
  user: Resource | undefined;
  scope: string[];
  nonce?: string | undefined;
  /** The Session being continued (code redemption, refresh); its version guards single use. */
  existing?: Resource | undefined;
  /** Implicit grant never returns a refresh token. */
  allowRefresh: boolean;
  /** This is a refresh_token grant (the alternate reading neither rotates nor returns one). */
  refresh?: boolean;
  /** OIDC auth_time (seconds) when the authorization request carried max_age. */
  authTime?: number | undefined;
}

export interface TokenResponse {
  token_type: 'Bearer';
  access_token: string;
  /** Absent on the alternate reading when the Client sets no access_token_expiration. */
  expires_in?: number;
  scope?: string;
  /** SMART launch context (EHR launch): the patient in context. */
  patient?: string;
  need_patient_banner?: boolean;
  refresh_token?: string;
  id_token?: string;
  userinfo?: Resource;
}

/** The EHR launch patient kept in the Session's ctx (set by /auth/authorize). */
function launchContextPatient(existing: Resource | undefined): string | undefined {
  const c = existing?.ctx;
  return isRecordLike(c) && typeof c.patient === 'string' ? c.patient : undefined;
}

export async function issueTokens(ctx: DevboxContext, input: IssueInput): Promise<TokenResponse> {
  const { client, user, scope, grant } = input;
  const cfg = grantConfig(client, grant);
  const now = nowSeconds();
  const alternate = ctx.config.reading === 'alternate';
  // Unset lifetime: strict = 3600 s; alternate = a token that does not expire (no expires_in).
  const expiresIn =
    positiveSeconds(cfg.access_token_expiration) ?? (alternate ? undefined : DEFAULT_ACCESS_TOKEN_EXPIRATION);
  const exp = expiresIn === undefined ? undefined : now + expiresIn;
  const id = input.existing?.id ?? newSessionId();
  const iss = ctx.config.baseUrl;
  const aud = audienceOf(cfg);
  const sub = user ? user.id : client.id;
  const patient = launchContextPatient(input.existing);

  const accessToken =
    cfg.token_format === 'jwt'
      ? await signJwt(ctx, {
          iss,
          sub,
          iat: now,
          ...(exp === undefined ? {} : { exp }),
          jti: id,
          ...(aud ? { aud } : {}),
          ...(scope.length ? { scope: scope.join(' ') } : {}),
          // smart-scopes-for-limiting-access.md: atv 2 (scope enforcement) for smart-app Clients.
          ...(client.type === 'smart-app' ? { atv: 2 } : {}),
          ...(patient !== undefined ? { context: { patient } } : {}),
        })
      : sessionToken(id);
  // Alternate reading: a refresh keeps the Session's refresh token (no rotation, none returned).
  const keepRefresh = alternate && input.refresh === true;
  const refreshToken =
    input.allowRefresh && cfg.refresh_token === true && !keepRefresh ? sessionToken(id) : undefined;
  const refreshTtl = positiveSeconds(cfg.refresh_token_expiration);

  const {
    access_token: _a,
    refresh_token: _r,
    authorization_code: _c,
    refresh_token_exp: _e,
    exp: _x,
    ...kept
  } = input.existing ?? ({} as Record<string, unknown>);
  const keptRefresh =
    keepRefresh && input.existing
      ? {
          refresh_token: input.existing.refresh_token,
          ...(input.existing.refresh_token_exp === undefined
            ? {}
            : { refresh_token_exp: input.existing.refresh_token_exp }),
        }
      : {};
  const session: Resource = {
    ...kept,
    resourceType: 'Session',
    id,
    type: grant,
    active: true,
    start: typeof kept.start === 'string' ? kept.start : new Date(now * 1000).toISOString(),
    ...(exp === undefined ? {} : { exp }),
    iss,
    jti: id,
    client: { reference: `Client/${client.id}` },
    ...(user ? { user: { reference: `User/${user.id}` } } : {}),
    ...(scope.length ? { scope } : {}),
    ...(aud ? { audience: Array.isArray(aud) ? aud : [aud] } : {}),
    access_token: hashToken(accessToken),
    ...(refreshToken ? { refresh_token: hashToken(refreshToken) } : {}),
    ...(refreshToken && refreshTtl ? { refresh_token_exp: now + refreshTtl } : {}),
    ...keptRefresh,
  };
  // Remember the redeemed code's hash: a replay of it revokes the Session (RFC 6749 §4.1.2).
  if (input.existing && typeof input.existing.authorization_code === 'string') {
    session.ctx = {
      ...(isRecordLike(kept.ctx) ? kept.ctx : {}),
      redeemed_code: input.existing.authorization_code,
    };
  }
  delete session.meta;
  if (input.existing) {
    // If-Match makes redemption and rotation atomic: a concurrent second use gets a conflict.
    await ctx.store.update('Session', id, session, { ifMatch: input.existing.meta?.versionId });
  } else {
    await ctx.store.create('Session', session);
  }

  const response: TokenResponse = { token_type: 'Bearer', access_token: accessToken };
  if (expiresIn !== undefined) response.expires_in = expiresIn;
  if (scope.length) response.scope = scope.join(' ');
  if (patient !== undefined) {
    response.patient = patient;
    response.need_patient_banner = true;
  }
  if (refreshToken) response.refresh_token = refreshToken;
  if (user) {
    const idToken = await idTokenFor(ctx, {
      client,
      user,
      answering: input.refresh ? 'refresh' : grant,
      scope,
      nonce: input.nonce,
      authTime: input.authTime,
      now,
      exp,
    });
    if (idToken) response.id_token = idToken;
    response.userinfo = userView(user);
  }
  return response;
}

export type Lookup = { session: Resource; jwt?: JWTPayload } | { error: 'unknown' | 'expired' };

function sessionLive(s: Resource, expField: 'exp' | 'refresh_token_exp', now: number): boolean {
  const exp = s[expField];
  return typeof exp !== 'number' || exp > now;
}

/** Finds the active Session behind an access token (opaque or JWT). */
export async function sessionForAccessToken(ctx: DevboxContext, token: string): Promise<Lookup> {
  let jwt: JWTPayload | undefined;
  if (isJwt(token)) {
    jwt = await verifyOurJwt(ctx, token);
    if (!jwt) return { error: 'unknown' }; // bad signature, wrong issuer or expired
  }
  const id = sessionIdOf(token);
  const session = id ? await ctx.store.read('Session', id) : undefined;
  if (!session || session.active === false || !tokenMatches(token, session.access_token)) {
    return { error: 'unknown' };
  }
  if (!sessionLive(session, 'exp', nowSeconds())) return { error: 'expired' };
  return jwt ? { session, jwt } : { session };
}

/** Finds the Session holding this refresh token or authorization code. */
export async function sessionForSecret(
  ctx: DevboxContext,
  token: string,
  field: 'refresh_token' | 'authorization_code',
): Promise<Lookup> {
  const id = sessionIdOf(token);
  if (!id || isJwt(token)) return { error: 'unknown' };
  const session = await ctx.store.read('Session', id);
  if (!session || !tokenMatches(token, session[field])) return { error: 'unknown' };
  const now = nowSeconds();
  if (field === 'refresh_token' && !sessionLive(session, 'refresh_token_exp', now))
    return { error: 'expired' };
  if (field === 'authorization_code') {
    const codeExp = (session.ctx as { code_exp?: unknown } | undefined)?.code_exp;
    if (typeof codeExp !== 'number' || codeExp <= now) return { error: 'expired' };
  }
  return { session };
}

function isRecordLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * RFC 6749 §4.1.2: a second use of an authorization code should revoke every token issued from
 * it. True when `code` is the already-redeemed code of a live Session, which is then revoked.
 */
export async function revokeOnCodeReplay(ctx: DevboxContext, code: string): Promise<boolean> {
  const id = sessionIdOf(code);
  if (!id || isJwt(code)) return false;
  const session = await ctx.store.read('Session', id);
  const redeemed = isRecordLike(session?.ctx) ? session.ctx.redeemed_code : undefined;
  if (!session || !tokenMatches(code, redeemed)) return false;
  await revokeSession(ctx, id);
  return true;
}

/** Revokes by deleting: the Session disappears from /fhir/Session, every token of it stops working. */
export async function revokeSession(ctx: DevboxContext, id: string): Promise<Resource | undefined> {
  return ctx.store.delete('Session', id);
}
