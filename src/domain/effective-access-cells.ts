/**
 * Folding evaluation outcomes into cells (issue 7 §2–3, issue 11 §1). A cell is allowed as soon as
 * any candidate policy evaluated true (OR semantics, aidbox-api.md §2.3), denied only when every
 * candidate was evaluated false (default deny: no candidate at all is denied too). Anything else is
 * not an answer: still pending, unknown (a candidate only Aidbox can evaluate, and Aidbox was not
 * asked), or failed. Counts, "no Client is allowed" and exports must treat those as unknown.
 */
import type { PolicyResource } from './matrix.ts';
import { candidatePolicies, keyForCell, type ClientRef, type Interaction } from './effective-access.ts';

/** A policy only Aidbox can evaluate (sql, rpc, …), with the reason in plain words. */
export interface NeedsAidboxOutcome {
  needsAidbox: string;
}

/**
 * `true`/`false` = the eval-result (Aidbox's, or the console's from the policy text); a string =
 * why the evaluation failed; NeedsAidboxOutcome = the console cannot decide it and Aidbox was not asked.
 */
export type EvalOutcome = boolean | string | NeedsAidboxOutcome;

export type Cell =
  | { status: 'allowed'; by: string[] }
  | { status: 'denied' }
  | { status: 'pending' }
  | { status: 'unknown'; reason: string }
  | { status: 'error'; message: string };

/** Whether a cell is a real answer (allowed or denied); the rest must never be counted as either. */
export function isDecided(cell: Cell): boolean {
  return cell.status === 'allowed' || cell.status === 'denied';
}

/**
 * One cell from its candidates' result keys (`ids[i]` is the policy read from `keys[i]`). A plain
 * loop: the all-Clients screens fold 24,000 cells each time results arrive.
 */
export function foldKeys(
  results: ReadonlyMap<string, EvalOutcome>,
  keys: readonly string[],
  ids: readonly string[],
): Cell {
  let by: string[] | undefined;
  let pending = false;
  let unknown: string | undefined;
  let error: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const r = results.get(keys[i] as string);
    if (r === true) (by ??= []).push(ids[i] ?? '?');
    else if (r === undefined) pending = true;
    else if (typeof r === 'string') error ??= `${ids[i] ?? '?'}: ${r}`;
    else if (typeof r === 'object') unknown ??= `${ids[i] ?? '?'}: ${r.needsAidbox}`;
  }
  if (by) return { status: 'allowed', by };
  if (pending) return { status: 'pending' };
  if (unknown !== undefined) return { status: 'unknown', reason: unknown };
  if (error !== undefined) return { status: 'error', message: error };
  return { status: 'denied' };
}

export function cellFor(
  results: ReadonlyMap<string, EvalOutcome>,
  policies: readonly PolicyResource[],
  client: ClientRef,
  resourceType: string,
  interaction: Interaction,
): Cell {
  return cellFromCandidates(
    results,
    candidatePolicies(policies, client.id, interaction),
    client,
    resourceType,
    interaction,
  );
}

/** As `cellFor`, with the candidates already chosen (they depend only on Client and interaction). */
export function cellFromCandidates(
  results: ReadonlyMap<string, EvalOutcome>,
  candidates: readonly PolicyResource[],
  client: ClientRef,
  resourceType: string,
  interaction: Interaction,
): Cell {
  return foldKeys(
    results,
    candidates.map((p) => keyForCell(p, client, resourceType, interaction)),
    candidates.map((p) => p.id ?? ''),
  );
}

/** Plain-words label for a cell, used on screen and in exports alike so they always agree. */
export function cellLabel(cell: Cell): string {
  switch (cell.status) {
    case 'allowed':
      return 'allowed';
    case 'denied':
      return 'denied';
    case 'pending':
      return 'not evaluated';
    case 'unknown':
      return 'unknown (needs Aidbox)';
    case 'error':
      return 'error';
  }
}

/** Why a cell is not an answer, for exports and tooltips; empty for allowed/denied. */
export function cellNote(cell: Cell): string {
  switch (cell.status) {
    case 'pending':
      return 'not evaluated yet';
    case 'unknown':
      return cell.reason;
    case 'error':
      return cell.message;
    default:
      return '';
  }
}

export interface CellCounts {
  allowed: number;
  denied: number;
  pending: number;
  unknown: number;
  error: number;
}

export function countCells(cells: Iterable<Cell>): CellCounts {
  const n: CellCounts = { allowed: 0, denied: 0, pending: 0, unknown: 0, error: 0 };
  for (const c of cells) n[c.status]++;
  return n;
}
