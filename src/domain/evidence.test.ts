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
  it('CSV rows say the decision and the allowing policies', () => {
    expect(accessCsv(rows).split('\r\n').slice(1, 5)).toEqual([
      '"a","Patient","read","allowed","p1 p2"',
      '"a","Patient","delete","denied",""',
      '"a","Patient","create","not evaluated",""',
      '"a","Patient","update","error",""',
    ]);
  });
  it('JSON marks completeness and errors', () => {
    const doc = JSON.parse(accessJson(rows, ctx, false)) as {
      complete: boolean;
      cells: Record<string, unknown>[];
    };
    expect(doc.complete).toBe(false);
    expect(doc.cells[0]).toEqual({
      client: 'a',
      resourceType: 'Patient',
      interaction: 'read',
      decision: 'allowed',
      allowedBy: ['p1', 'p2'],
    });
    expect(doc.cells[3]).toMatchObject({ error: 'x: HTTP 500' });
  });
  it('file names are safe', () => {
    expect(evidenceFileName('findings', ctx.generatedAt, 'csv')).toBe(
      'aidbox-findings-2026-06-01T10-00-00Z.csv',
    );
  });
});
