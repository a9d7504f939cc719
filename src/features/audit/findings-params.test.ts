import { describe, expect, it } from 'vitest';
import type { ReviewFinding } from '../../domain/review-rules.ts';
import { filterFindings, readFindingsView, writeFindingsView } from './findings-params.ts';

const f = (rule: string, severity: ReviewFinding['severity'], targetId: string): ReviewFinding => ({
  key: `${rule}|${targetId}`,
  rule,
  severity,
  title: rule,
  detail: '',
  source: '',
  targetType: 'Client',
  targetId,
  path: '',
});

describe('findings URL state', () => {
  it('round-trips and falls back on nonsense', () => {
    const v = readFindingsView(new URLSearchParams('severity=high&rule=implicit-grant&q=x&age=30&idle=7'));
    expect(v).toEqual({ severity: 'high', rule: 'implicit-grant', q: 'x', age: 30, idle: 7 });
    expect(readFindingsView(writeFindingsView(v))).toEqual(v);
    expect(readFindingsView(new URLSearchParams('severity=evil&age=-3&idle=abc'))).toEqual({
      severity: '',
      rule: '',
      q: '',
      age: 365,
      idle: 90,
    });
    expect(writeFindingsView(readFindingsView(new URLSearchParams())).toString()).toBe('');
  });

  it('filters by severity, rule and text', () => {
    const all = [
      f('implicit-grant', 'high', 'spa'),
      f('no-policy', 'medium', 'orphan'),
      f('idle-client', 'low', 'spa'),
    ];
    const base = readFindingsView(new URLSearchParams());
    expect(filterFindings(all, { ...base, severity: 'high' }).map((x) => x.rule)).toEqual(['implicit-grant']);
    expect(filterFindings(all, { ...base, rule: 'no-policy' }).map((x) => x.targetId)).toEqual(['orphan']);
    expect(filterFindings(all, { ...base, q: 'SPA' })).toHaveLength(2);
  });
});
