/**
 * Evidence exports (issue 7 §6): findings and effective access as CSV and JSON. The page builds both
 * from exactly the rows it shows, so an export always matches the screen. CSV fields go through the
 * matrix's `csvField` (every field quoted, spreadsheet formulas neutralised).
 */
import type { Cell } from './effective-access-cells.ts';
import { cellLabel, cellNote, countCells, isDecided } from './effective-access-cells.ts';
import type { Interaction } from './effective-access.ts';
import { csvField } from './matrix-view.ts';
import type { ReviewFinding } from './review-rules.ts';

export interface EvidenceContext {
  aidboxUrl: string;
  reviewer: string;
  /** ISO time of the review. */
  generatedAt: string;
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const FINDING_HEADER = ['Severity', 'Rule', 'Target type', 'Target id', 'Field', 'Title', 'Detail', 'Source'];

export function findingsCsv(findings: readonly ReviewFinding[]): string {
  return csv([
    FINDING_HEADER,
    ...findings.map((f) => [
      f.severity,
      f.rule,
      f.targetType,
      f.targetId,
      f.path,
      f.title,
      f.detail,
      f.source,
    ]),
  ]);
}

export function findingsJson(
  findings: readonly ReviewFinding[],
  context: EvidenceContext,
  filters: Record<string, string>,
): string {
  const counts = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return JSON.stringify(
    {
      kind: 'aidbox-console/security-findings',
      ...context,
      filters,
      counts,
      findings: findings.map(({ key: _key, ...f }) => f),
    },
    null,
    2,
  );
}

export interface AccessRow {
  clientId: string;
  resourceType: string;
  interaction: Interaction;
  cell: Cell;
}

function policiesOf(cell: Cell): string[] {
  return cell.status === 'allowed' ? cell.by : [];
}

/** One row per cell; a cell that is not an answer says so in Decision and why in Note. */
export function accessCsv(rows: readonly AccessRow[]): string {
  return csv([
    ['Client', 'Resource type', 'Interaction', 'Decision', 'Allowed by', 'Note'],
    ...rows.map((r) => [
      r.clientId,
      r.resourceType,
      r.interaction,
      cellLabel(r.cell),
      policiesOf(r.cell).join(' '),
      cellNote(r.cell),
    ]),
  ]);
}

/**
 * `complete` is true only when every cell is allowed or denied; `counts` says how many are not
 * (issue 11 §1: partial results say how many cells are unknown, and the file marks each one).
 */
export function accessJson(rows: readonly AccessRow[], context: EvidenceContext, method: string): string {
  const counts = countCells(rows.map((r) => r.cell));
  return JSON.stringify(
    {
      kind: 'aidbox-console/effective-access',
      ...context,
      method,
      complete: counts.pending + counts.unknown + counts.error === 0,
      counts,
      cells: rows.map((r) => ({
        client: r.clientId,
        resourceType: r.resourceType,
        interaction: r.interaction,
        decision: cellLabel(r.cell),
        allowedBy: policiesOf(r.cell),
        ...(isDecided(r.cell) ? {} : { note: cellNote(r.cell) }),
      })),
    },
    null,
    2,
  );
}

/** `aidbox-findings-2026-06-01T10-00-00Z.csv`: safe on every file system. */
export function evidenceFileName(kind: string, generatedAt: string, ext: 'csv' | 'json'): string {
  return `aidbox-${kind}-${generatedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.${ext}`;
}
