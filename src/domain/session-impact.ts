/**
 * Who loses access when Sessions are revoked (issue 14 §6). In Aidbox each access token is a
 * Session, and closing it revokes the token (docs/tutorials/security-access-control-tutorials/
 * client-credentials-grant.md, "Revoke Access Token (Close Session)"): a user's Session means that
 * user signs in again; a Session without a user is an application's own token (client credentials).
 */
import type { Session } from '../model/session.ts';

export interface SessionImpact {
  sessions: number;
  /** distinct signed-in users, by id, sorted */
  users: string[];
  /** Sessions of the Client itself, with no user */
  clientOnly: number;
}

/** `{reference: 'User/x'}` or `{resourceType: 'User', id: 'x'}` → `x`. */
function userId(ref: Session['user']): string | undefined {
  if (!ref) return undefined;
  if (typeof ref.id === 'string' && ref.id !== '') return ref.id;
  const m = typeof ref.reference === 'string' ? /^User\/(.+)$/.exec(ref.reference) : null;
  return m?.[1] ?? ref.reference;
}

export function sessionImpact(sessions: readonly Session[]): SessionImpact {
  const users = new Set<string>();
  let clientOnly = 0;
  for (const s of sessions) {
    const id = userId(s.user);
    if (id === undefined) clientOnly++;
    else users.add(id);
  }
  return { sessions: sessions.length, users: [...users].sort(), clientOnly };
}

/** Not ended and not expired (`exp` is epoch seconds in Aidbox and devbox). */
export function isLiveSession(session: Session, now: number): boolean {
  if (session.active === false || session.end) return false;
  const exp = typeof session.exp === 'string' ? Number(session.exp) : session.exp;
  return exp === undefined || Number.isNaN(exp) || exp * 1000 > now;
}
