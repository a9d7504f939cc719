import { describe, expect, it } from 'vitest';
import type { Cell } from './effective-access-cells.ts';
import { whoCanSummary } from './effective-access-summary.ts';

const allowed: Cell = { status: 'allowed', by: ['p'] };
const denied: Cell = { status: 'denied' };
const unknown: Cell = { status: 'unknown', reason: 'q: sql engine' };
const pending: Cell = { status: 'pending' };
const error: Cell = { status: 'error', message: 'HTTP 500' };

describe('who-can headline: no false answers', () => {
  it('counts and says "no Client is allowed" only when every cell was decided', () => {
    expect(whoCanSummary([allowed, denied, allowed], 'delete Patient')).toMatchObject({
      complete: true,
      headline: '2 Clients may delete Patient',
      empty: undefined,
    });
    const none = whoCanSummary([denied, denied], 'delete Patient');
    expect(none.headline).toBe('0 Clients may delete Patient');
    expect(none.empty).toMatch(/^No Client is allowed: every candidate/);
  });

  it('with unknown, pending or failed cells the count is a lower bound and says why', () => {
    const s = whoCanSummary([denied, unknown, unknown, pending, error], 'delete Patient');
    expect(s.complete).toBe(false);
    expect(s.headline).toBe(
      'At least 0 Clients may delete Patient; 1 Client not evaluated yet, 2 Clients unknown (needs Aidbox), 1 Client failed',
    );
    expect(s.empty).not.toMatch(/^No Client is allowed:/);
    expect(s.empty).toContain('not an answer for the 4 Clients');
    expect(whoCanSummary([allowed, unknown], 'read Patient').headline).toBe(
      'At least 1 Client may read Patient; 1 Client unknown (needs Aidbox)',
    );
  });
});
