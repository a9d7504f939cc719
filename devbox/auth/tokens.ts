// Token material. Opaque tokens, refresh tokens and authorization codes are "<sessionId>.<random>":
// the prefix finds the Session in O(1), the random part is what the stored SHA-256 hash protects.
// JWTs carry the Session id as jti and are also checked against the Session's stored hash.
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { isRecord } from '../policy/path.ts';
import { signingKey } from './keys.ts';
import { hashClientSecret, verifyClientSecret } from './secrets.ts';

/** Lifetime when the grant sets no access_token_expiration (Aidbox leaves it undocumented). */
export const DEFAULT_ACCESS_TOKEN_EXPIRATION = 3600;
/** Authorization codes are single use and short-lived. */
export const AUTHORIZATION_CODE_TTL = 120;

export type GrantKind = 'authorization_code' | 'client_credentials' | 'password' | 'implicit';

export interface GrantConfig {
  token_format?: unknown;
  access_token_expiration?: unknown;
  refresh_token?: unknown;
  refresh_token_expiration?: unknown;
  audience?: unknown;
  secret_required?: unknown;
  redirect_uri?: unknown;
  pkce?: unknown;
}

export function grantConfig(client: Resource, grant: GrantKind): GrantConfig {
  const auth = client.auth;
  if (!isRecord(auth)) return {};
  const cfg = auth[grant];
  return isRecord(cfg) ? cfg : {};
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function randomPart(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function newSessionId(): string {
  return randomUUID();
}

export function sessionToken(sessionId: string): string {
  return `${sessionId}.${randomPart()}`;
}

export const hashToken = hashClientSecret;
export const tokenMatches = verifyClientSecret;

export function isJwt(token: string): boolean {
  return token.split('.').length === 3;
}

/** Session id named by a token; for JWTs the unverified jti (verification happens separately). */
export function sessionIdOf(token: string): string | undefined {
  if (isJwt(token)) {
    try {
      const jti = decodeJwt(token).jti;
      return typeof jti === 'string' ? jti : undefined;
    } catch {
      return undefined;
    }
  }
  const [id, secret, extra] = token.split('.');
  return id && secret && extra === undefined ? id : undefined;
}

/** `withKid: false` leaves `kid` out of the header (the alternate reading's ID tokens). */
export async function signJwt(
  ctx: DevboxContext,
  claims: JWTPayload,
  typ = 'JWT',
  withKid = true,
): Promise<string> {
  const key = await signingKey(ctx);
  const header = withKid ? { alg: 'RS256', kid: key.kid, typ } : { alg: 'RS256', typ };
  return new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
}

/** Verifies signature, issuer and exp of a JWT we issued; undefined when any check fails. */
export async function verifyOurJwt(ctx: DevboxContext, token: string): Promise<JWTPayload | undefined> {
  const key = await signingKey(ctx);
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['RS256'],
      issuer: ctx.config.baseUrl,
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** The audience claim: one string when the Client lists one, an array when several. */
export function audienceOf(cfg: GrantConfig): string | string[] | undefined {
  const aud = cfg.audience;
  if (typeof aud === 'string' && aud) return aud;
  if (Array.isArray(aud)) {
    const list = aud.filter((a): a is string => typeof a === 'string');
    if (list.length === 1) return list[0];
    if (list.length > 1) return list;
  }
  return undefined;
}

export function positiveSeconds(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined;
}
