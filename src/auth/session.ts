// The pure parts of the session: the in-memory token set, the user shown in the header, and the
// random values sent with sign-in requests.
import type { JWTPayload } from 'jose';

export interface CurrentUser {
  sub: string;
  /** Best display name the ID token offers (name, email, preferred_username, else sub). */
  name: string;
  email: string | undefined;
}

/** This tab's token set, held in memory only. */
export interface Session {
  access_token: string;
  refresh_token: string | undefined;
  id_token: string | undefined;
  scope: string | undefined;
  /** epoch seconds; undefined when neither `expires_in` nor the access token says (renew on 401 only) */
  expires_at: number | undefined;
}

/** What a token answer carries, from our own code exchange or from oidc-client-ts's refresh. */
export interface TokenAnswer {
  access_token: string;
  refresh_token?: string | null;
  id_token?: string | null;
  scope?: string | null;
  expires_in?: number;
  expires_at?: number;
}

/** 32 random bytes, base64url: 256 bits, as security.md §9.A.1 asks for state/nonce. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function toCurrentUser(claims: JWTPayload): CurrentUser {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const sub = str(claims.sub) ?? '';
  const email = str(claims.email);
  return { sub, name: str(claims.name) ?? email ?? str(claims.preferred_username) ?? sub, email };
}

/** The `exp` of a JWT access token, read without verifying (it only times our own renewal). */
export function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part || token.split('.').length !== 3) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload: unknown = JSON.parse(json);
    const exp =
      typeof payload === 'object' && payload !== null ? (payload as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A token answer as a Session. A refresh may omit what did not change (Aidbox's documented refresh
 * answer has neither a refresh token nor an ID token): the previous value is kept then. Without
 * `expires_in`, the access token's own `exp` times the renewal; without either the expiry is unknown.
 */
export function toSession(
  r: TokenAnswer,
  previous?: Session,
  nowSec = Math.floor(Date.now() / 1000),
): Session {
  const expiresAt =
    r.expires_at ??
    (r.expires_in !== undefined ? nowSec + Math.floor(r.expires_in) : jwtExpiry(r.access_token));
  return {
    access_token: r.access_token,
    refresh_token: r.refresh_token ?? previous?.refresh_token,
    id_token: r.id_token ?? previous?.id_token,
    scope: r.scope ?? previous?.scope,
    expires_at: expiresAt,
  };
}

/** Seconds the access token has left; Infinity when the expiry is unknown (never "due"). */
export function secondsLeft(session: Session, nowSec = Math.floor(Date.now() / 1000)): number {
  return session.expires_at === undefined ? Infinity : session.expires_at - nowSec;
}
