import { basicAuthorization } from './verify.ts';
import { isLiveSession } from '../../domain/session-impact.ts';
import { sessionSummary } from './session-count.ts';

test('Basic credentials are form-urlencoded before base64 (RFC 6749 §2.3.1)', () => {
  const header = basicAuthorization('my client', 'a:b%c+d&e');
  expect(header.startsWith('Basic ')).toBe(true);
  expect(atob(header.slice(6))).toBe('my+client:a%3Ab%25c%2Bd%26e');
});

test('live sessions: not ended, not expired', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const later = now / 1000 + 60;
  expect(isLiveSession({ resourceType: 'Session', exp: later }, now)).toBe(true);
  expect(isLiveSession({ resourceType: 'Session', exp: now / 1000 - 1 }, now)).toBe(false);
  expect(isLiveSession({ resourceType: 'Session', active: false, exp: later }, now)).toBe(false);
  expect(isLiveSession({ resourceType: 'Session', end: '2025-12-31T00:00:00Z' }, now)).toBe(false);
  expect(isLiveSession({ resourceType: 'Session' }, now)).toBe(true);
});

test('session summary counts live sessions and says when the page was not all of them', () => {
  const s = { resourceType: 'Session' as const };
  expect(sessionSummary({ sessions: [s], total: 1 })).toBe('1 active session');
  expect(sessionSummary({ sessions: [s, { ...s, active: false }], total: 2 })).toBe('1 active session');
  expect(sessionSummary({ sessions: [s, s], total: 250 })).toBe('2+ active sessions');
});
