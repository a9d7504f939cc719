import { describe, expect, it } from 'vitest';
import {
  accessCsv,
  accessJson,
  evidenceFileName,
  findingsCsv,
  findingsJson,
  type AccessRow,
} from './evidence.ts';
import type { ReviewFinding } from './review-rules.ts';

const finding: ReviewFinding = {
  key: 'implicit-grant|Client/x|grant_types',
  rule: 'implicit-grant',
  severity: 'high',
  title: 'Implicit grant',
  detail: 'Says "no", then, more',
  source: 'RFC 9700 §2.1.2',
  targetType: 'Client',
  targetId: '=cmd|x',
  path: 'grant_types',
};
const ctx = { aidboxUrl: 'http://box', reviewer: 'Console Admin', generatedAt: '2026-06-01T10:00:00.123Z' };

describe('findings evidence', () => {
  it('CSV: header, quoted fields, formula guard', () => {
    const lines = findingsCsv([finding]).split('\r\n');
    expect(lines[0]).toBe('"Severity","Rule","Target type","Target id","Field","Title","Detail","Source"');
    expect(lines[1]).toBe(
      '"high","implicit-grant","Client","\'=cmd|x","grant_types","Implicit grant","Says ""no"", then, more","RFC 9700 §2.1.2"',
    );
    expect(lines[2]).toBe('');
  });

  it('JSON: context, filters, counts and the findings without internal keys', () => {
    const doc = JSON.parse(findingsJson([finding], ctx, { severity: 'high' })) as Record<string, unknown>;
    expect(doc).toMatchObject({
      aidboxUrl: 'http://box',
      reviewer: 'Console Admin',
      filters: { severity: 'high' },
      counts: { high: 1, medium: 0, low: 0 },
    });
    expect((doc.findings as Record<string, unknown>[])[0]).not.toHaveProperty('key');
  });
});

describe('access evidence', () => {
  const rows: AccessRow[] = [
    {
      clientId: 'a',
      resourceType: 'Patient',
      interaction: 'read',
      cell: { status: 'allowed', by: ['p1', 'p2'] },
    },
    { clientId: 'a', resourceType: 'Patient', interaction: 'delete', cell: { status: 'denied' } },
    { clientId: 'a', resourceType: 'Patient', interaction: 'create', cell: { status: 'pending' } },
    {
      clientId: 'a',
      resourceType: 'Patient',
      interaction: 'update',
      cell: { status: 'error', message: 'x: HTTP 500' },
    },
  ];
  const unknownRow: AccessRow = {
    clientId: 'a',
    resourceType: 'Patient',
    interaction: 'search',
    cell: { status: 'unknown', reason: 'q: sql engine' },
  };
  it('CSV rows say the decision, the allowing policies, and why a cell is not an answer', () => {
    expect(
      accessCsv([...rows, unknownRow])
        .split('\r\n')
        .slice(1, 6),
    ).toEqual([
      '"a","Patient","read","allowed","p1 p2",""',
      '"a","Patient","delete","denied","",""',
      '"a","Patient","create","not evaluated","","not evaluated yet"',
      '"a","Patient","update","error","","x: HTTP 500"',
      '"a","Patient","search","unknown (needs Aidbox)","","q: sql engine"',
    ]);
  });
  it('JSON is complete only when every cell is allowed or denied, and counts the rest', () => {
    const doc = JSON.parse(accessJson([...rows, unknownRow], ctx, 'console')) as {
      complete: boolean;
      counts: Record<string, number>;
      method: string;
      cells: Record<string, unknown>[];
    };
    expect(doc.complete).toBe(false);
    expect(doc.method).toBe('console');
    expect(doc.counts).toEqual({ allowed: 1, denied: 1, pending: 1, unknown: 1, error: 1 });
    expect(doc.cells[0]).toEqual({
      client: 'a',
      resourceType: 'Patient',
      interaction: 'read',
      decision: 'allowed',
      allowedBy: ['p1', 'p2'],
    });
    expect(doc.cells[3]).toMatchObject({ note: 'x: HTTP 500' });
    expect(doc.cells[4]).toMatchObject({ decision: 'unknown (needs Aidbox)', note: 'q: sql engine' });
    const whole = JSON.parse(accessJson(rows.slice(0, 2), ctx, 'console')) as { complete: boolean };
    expect(whole.complete).toBe(true);
  });
  it('file names are safe', () => {
    expect(evidenceFileName('findings', ctx.generatedAt, 'csv')).toBe(
      'aidbox-findings-2026-06-01T10-00-00Z.csv',
    );
  });
});
