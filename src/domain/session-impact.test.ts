import { describe, expect, it } from 'vitest';
import type { Session } from '../model/session.ts';
import { isLiveSession, sessionImpact } from './session-impact.ts';

const s = (user?: Session['user']): Session => ({ resourceType: 'Session', ...(user ? { user } : {}) });

describe('sessionImpact', () => {
  it('counts Sessions, distinct users in both reference forms, and the Client’s own', () => {
    expect(
      sessionImpact([
        s({ reference: 'User/bob' }),
        s({ resourceType: 'User', id: 'ann' }),
        s({ reference: 'User/bob' }),
        s(),
        s(),
      ]),
    ).toEqual({ sessions: 5, users: ['ann', 'bob'], clientOnly: 2 });
  });

  it('is empty for no Sessions', () => {
    expect(sessionImpact([])).toEqual({ sessions: 0, users: [], clientOnly: 0 });
  });

  it('counts only live Sessions as live: not ended, not inactive, not expired', () => {
    const now = 1_000_000_000_000;
    expect(isLiveSession(s(), now)).toBe(true);
    expect(isLiveSession({ ...s(), exp: now / 1000 + 60 }, now)).toBe(true);
    expect(isLiveSession({ ...s(), exp: String(now / 1000 - 1) }, now)).toBe(false);
    expect(isLiveSession({ ...s(), active: false }, now)).toBe(false);
    expect(isLiveSession({ ...s(), end: '2026-01-01T00:00:00Z' }, now)).toBe(false);
  });
});
