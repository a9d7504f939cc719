/**
 * Staged (not yet applied) matrix edits. A change is the user's *intent* for one cell — link or
 * unlink — recorded against the server state it was made on. Staging a cell again undoes it, so
 * the set never holds a change that would do nothing.
 */
import { isLinked, type MatrixModel } from './matrix.ts';

export type ChangeAction = 'link' | 'unlink';

export interface StagedChange {
  policyId: string;
  clientId: string;
  action: ChangeAction;
}

/** Insertion-ordered, keyed by cell; treat as immutable (every operation returns a new one). */
export type Staged = ReadonlyMap<string, StagedChange>;

export const EMPTY_STAGED: Staged = new Map();

export function cellKey(policyId: string, clientId: string): string {
  // NUL cannot occur in an Aidbox id, so the key is unambiguous.
  return `${policyId}\u0000${clientId}`;
}

/** Stages the opposite of the cell's server state, or unstages it if it was already staged. */
export function toggle(staged: Staged, model: MatrixModel, policyId: string, clientId: string): Staged {
  const key = cellKey(policyId, clientId);
  const next = new Map(staged);
  if (next.has(key)) next.delete(key);
  else next.set(key, { policyId, clientId, action: isLinked(model, policyId, clientId) ? 'unlink' : 'link' });
  return next;
}

/** Sets many cells to one state (a whole row or column); cells already in that state are unstaged. */
export function setMany(
  staged: Staged,
  model: MatrixModel,
  cells: readonly { policyId: string; clientId: string }[],
  action: ChangeAction,
): Staged {
  const next = new Map(staged);
  for (const { policyId, clientId } of cells) {
    const key = cellKey(policyId, clientId);
    const linked = isLinked(model, policyId, clientId);
    if (linked === (action === 'link')) next.delete(key);
    else next.set(key, { policyId, clientId, action });
  }
  return next;
}

export function undo(staged: Staged, policyId: string, clientId: string): Staged {
  const next = new Map(staged);
  next.delete(cellKey(policyId, clientId));
  return next;
}

/** Undoes every staged change of one policy. */
export function undoPolicy(staged: Staged, policyId: string): Staged {
  return new Map([...staged].filter(([, c]) => c.policyId !== policyId));
}

/** What the cell shows: the server state with the staged change on top. */
export function effectiveLinked(
  model: MatrixModel,
  staged: Staged,
  policyId: string,
  clientId: string,
): { linked: boolean; pending: boolean } {
  const change = staged.get(cellKey(policyId, clientId));
  if (change) return { linked: change.action === 'link', pending: true };
  return { linked: isLinked(model, policyId, clientId), pending: false };
}

/**
 * Drops changes that the server state already satisfies (after a refetch someone else may have
 * made the same change) or whose policy is gone.
 */
export function prune(staged: Staged, model: MatrixModel): Staged {
  const next = new Map<string, StagedChange>();
  for (const [key, c] of staged) {
    if (!model.resources.has(c.policyId)) continue;
    if (isLinked(model, c.policyId, c.clientId) !== (c.action === 'link')) next.set(key, c);
  }
  return next.size === staged.size ? staged : next;
}

export interface PolicyDiff {
  policyId: string;
  add: string[];
  remove: string[];
}

/** Changes grouped per policy (+client / −client), policies in the order first touched. */
export function diffByPolicy(staged: Staged): PolicyDiff[] {
  const byPolicy = new Map<string, PolicyDiff>();
  for (const c of staged.values()) {
    let d = byPolicy.get(c.policyId);
    if (!d) {
      d = { policyId: c.policyId, add: [], remove: [] };
      byPolicy.set(c.policyId, d);
    }
    (c.action === 'link' ? d.add : d.remove).push(c.clientId);
  }
  return [...byPolicy.values()];
}

/** Rebuilds staged changes from per-policy intents (used after a conflict re-apply). */
export function fromDiffs(diffs: readonly PolicyDiff[]): Staged {
  const next = new Map<string, StagedChange>();
  for (const d of diffs) {
    for (const clientId of d.add)
      next.set(cellKey(d.policyId, clientId), { policyId: d.policyId, clientId, action: 'link' });
    for (const clientId of d.remove)
      next.set(cellKey(d.policyId, clientId), { policyId: d.policyId, clientId, action: 'unlink' });
  }
  return next;
}
