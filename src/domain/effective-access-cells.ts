/**
 * Folding evaluation results into cells (issue 7 §2–3). A cell is allowed as soon as any candidate
 * policy evaluated true (OR semantics, aidbox-api.md §2.3), denied only when every candidate said
 * false (default deny: no candidate at all is denied too), and otherwise still pending or failed.
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
  | { status: 'error'; message: string };

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
  const by: string[] = [];
  let pending = false;
  let error: string | undefined;
  for (const p of candidates) {
    const r = results.get(keyForCell(p, client, resourceType, interaction));
    if (r === true) by.push(p.id ?? '');
    else if (r === undefined) pending = true;
    else if (typeof r === 'string') error ??= `${p.id ?? '?'}: ${r}`;
  }
  if (by.length > 0) return { status: 'allowed', by };
  if (pending) return { status: 'pending' };
  if (error !== undefined) return { status: 'error', message: error };
  return { status: 'denied' };
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
    case 'error':
      return 'error';
  }
}
