import { describe, expect, it } from 'vitest';
import type { Session } from '../model/session.ts';
import { sessionImpact } from './session-impact.ts';

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
});
