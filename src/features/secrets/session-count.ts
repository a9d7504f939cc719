import type { UseQueryResult } from '@tanstack/react-query';
import type { SessionPage } from '../../api/sessions.ts';
import type { Session } from '../../model/session.ts';
import { isLiveSession } from '../../domain/session-impact.ts';

export type SessionsQuery = UseQueryResult<SessionPage>;

export function liveSessions(page: SessionPage | undefined): Session[] {
  const now = Date.now();
  return (page?.sessions ?? []).filter((s) => isLiveSession(s, now));
}

/** "3 active sessions", or "at least 100" when the first page is full and no total was sent. */
export function sessionSummary(page: SessionPage): string {
  const live = liveSessions(page).length;
  const more = page.total !== undefined && page.total > page.sessions.length;
  const n = more ? `${live}+` : String(live);
  return `${n} active session${live === 1 && !more ? '' : 's'}`;
}
