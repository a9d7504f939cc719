/**
 * The headline of "who can do X" (issue 11 §1): a count and "no Client is allowed" only from cells
 * that were really decided. While anything is pending, unknown or failed, the count is a lower
 * bound ("at least") and the headline says how many Clients are undecided and why.
 */
import type { Cell } from './effective-access-cells.ts';

export interface WhoCanSummary {
  allowed: number;
  /** not evaluated yet (running, cancelled) */
  pending: number;
  /** a candidate only Aidbox can decide, and Aidbox was not asked */
  unknown: number;
  error: number;
  complete: boolean;
  headline: string;
  /** the sentence under the headline when nobody is listed; undefined when someone is */
  empty: string | undefined;
}

const clients = (n: number) => `${n} ${n === 1 ? 'Client' : 'Clients'}`;

export function whoCanSummary(cells: readonly Cell[], action: string): WhoCanSummary {
  const n = { allowed: 0, pending: 0, unknown: 0, error: 0, denied: 0 };
  for (const c of cells) n[c.status]++;
  const undecided = n.pending + n.unknown + n.error;
  const complete = undecided === 0;
  const parts: string[] = [];
  if (n.pending) parts.push(`${clients(n.pending)} not evaluated yet`);
  if (n.unknown) parts.push(`${clients(n.unknown)} unknown (needs Aidbox)`);
  if (n.error) parts.push(`${clients(n.error)} failed`);
  const headline = complete
    ? `${clients(n.allowed)} may ${action}`
    : `At least ${clients(n.allowed)} may ${action}; ${parts.join(', ')}`;
  const empty =
    n.allowed > 0
      ? undefined
      : complete
        ? 'No Client is allowed: every candidate policy of every Client was evaluated and none allows it.'
        : `No Client is allowed by the policies evaluated so far; that is not an answer for the ${clients(undecided)} above.`;
  return {
    allowed: n.allowed,
    pending: n.pending,
    unknown: n.unknown,
    error: n.error,
    complete,
    headline,
    empty,
  };
}
