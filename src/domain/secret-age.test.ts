import { describe, expect, it } from 'vitest';
import { OLD_SECRET_DAYS, rotatedAt, secretAge } from './secret-age.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

describe('secretAge', () => {
  it('is "none" for a public Client and for a vault reference', () => {
    expect(secretAge({ id: 'spa' }, false, NOW)).toEqual({ kind: 'none' });
    expect(secretAge({ id: 'v', _secret: { extension: [] } }, false, NOW)).toEqual({ kind: 'none' });
  });

  it('is "unrecorded" for a stored secret without a rotation time, or with an unreadable one', () => {
    expect(secretAge({ id: 'b', secret: 'sha256:x' }, false, NOW)).toEqual({ kind: 'unrecorded' });
    expect(
      secretAge({ id: 'b', secret: 'sha256:x', details: { secretRotatedAt: 'soon' } }, false, NOW),
    ).toEqual({
      kind: 'unrecorded',
    });
  });

  it('sees a secret Aidbox holds from the explicit flag alone (reads never carry it)', () => {
    expect(secretAge({ id: 'b' }, true, NOW)).toEqual({ kind: 'unrecorded' });
    expect(secretAge({ id: 'b', details: { secretRotatedAt: daysAgo(3) } }, true, NOW)).toEqual({
      kind: 'known',
      days: 3,
      old: false,
    });
  });

  it('counts whole days and flags a secret older than a year', () => {
    const at = (n: number) => ({ id: 'b', secret: 'sha256:x', details: { secretRotatedAt: daysAgo(n) } });
    expect(secretAge(at(0), false, NOW)).toEqual({ kind: 'known', days: 0, old: false });
    expect(secretAge(at(OLD_SECRET_DAYS), false, NOW)).toEqual({
      kind: 'known',
      days: OLD_SECRET_DAYS,
      old: false,
    });
    expect(secretAge(at(OLD_SECRET_DAYS + 1), false, NOW)).toEqual({
      kind: 'known',
      days: OLD_SECRET_DAYS + 1,
      old: true,
    });
  });

  it('never reports a negative age for a rotation time in the future (clock skew)', () => {
    const c = { id: 'b', secret: 'sha256:x', details: { secretRotatedAt: daysAgo(-3) } };
    expect(secretAge(c, false, NOW)).toEqual({ kind: 'known', days: 0, old: false });
  });

  it('rotatedAt reads only a parseable string', () => {
    expect(rotatedAt({ id: 'x', details: { secretRotatedAt: 5 } })).toBeUndefined();
    expect(rotatedAt({ id: 'x', details: 'text' as unknown as Record<string, unknown> })).toBeUndefined();
    expect(rotatedAt({ id: 'x', details: { secretRotatedAt: daysAgo(2) } })).toBe(NOW - 2 * 86_400_000);
  });
});
