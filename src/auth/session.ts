// The pure parts of the session: the in-memory token set, the user shown in the header, and the
// random values sent with sign-in requests.
import type { SigninResponse } from 'oidc-client-ts';
import type { JWTPayload } from 'jose';

export interface CurrentUser {
  sub: string;
  /** Best display name the ID token offers (name, email, preferred_username, else sub). */
  name: string;
  email: string | undefined;
}

/** This tab's token set, held in memory only. */
export type Session = Pick<
  SigninResponse,
  'access_token' | 'refresh_token' | 'id_token' | 'scope' | 'expires_at' | 'profile'
>;

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

/** A refresh response may omit what did not change; keep the previous value then. */
export function toSession(r: SigninResponse, previous?: Session): Session {
  return {
    access_token: r.access_token,
    refresh_token: r.refresh_token ?? previous?.refresh_token,
    id_token: r.id_token ?? previous?.id_token,
    scope: r.scope ?? previous?.scope,
    expires_at: r.expires_at,
    profile: r.profile,
  };
}

/** Seconds the access token has left; a token without expiry counts as due. */
export function secondsLeft(session: Session): number {
  return (session.expires_at ?? 0) - Math.floor(Date.now() / 1000);
}
