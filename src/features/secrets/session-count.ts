import type { UseQueryResult } from '@tanstack/react-query';
import type { SessionPage } from '../../api/sessions.ts';
import type { Session } from '../../model/session.ts';

export type SessionsQuery = UseQueryResult<SessionPage>;

/** Live = not ended and not expired (`exp` is epoch seconds in Aidbox and devbox). */
export function isLive(session: Session, now: number = Date.now()): boolean {
  if (session.active === false || session.end) return false;
  const exp = typeof session.exp === 'string' ? Number(session.exp) : session.exp;
  return exp === undefined || Number.isNaN(exp) || exp * 1000 > now;
}

export function liveSessions(page: SessionPage | undefined): Session[] {
  return (page?.sessions ?? []).filter((s) => isLive(s));
}

/** "3 active sessions", or "at least 100" when the first page is full and no total was sent. */
export function sessionSummary(page: SessionPage): string {
  const live = liveSessions(page).length;
  const more = page.total !== undefined && page.total > page.sessions.length;
  const n = more ? `${live}+` : String(live);
  return `${n} active session${live === 1 && !more ? '' : 's'}`;
}
