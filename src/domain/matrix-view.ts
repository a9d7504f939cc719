/**
 * What the matrix shows: filtering and sorting of both axes, and the CSV export of exactly that.
 * The URL names live in the feature; this module only knows the view's meaning.
 */
import type { ClientRow, MatrixModel, PolicyColumn, PolicyKind } from './matrix.ts';
import { effectiveLinked, type Staged } from './matrix-staging.ts';

export type RowSort = 'id' | 'name' | 'links';
export type ColumnSort = 'id' | 'engine' | 'links';
/** `linked` = any link at all (the opposite of `global`) */
export type KindFilter = '' | 'linked' | PolicyKind;

export interface MatrixView {
  /** Client id or name contains (case-insensitive) */
  clientText: string;
  /** exact Client.type; `-` = Clients without a type */
  clientType: string;
  /** policy id or description contains */
  policyText: string;
  engine: string;
  kind: KindFilter;
  rowSort: RowSort;
  columnSort: ColumnSort;
  /** only Clients linked by at least one shown policy */
  onlyLinked: boolean;
}

export const DEFAULT_MATRIX_VIEW: MatrixView = {
  clientText: '',
  clientType: '',
  policyText: '',
  engine: '',
  kind: '',
  rowSort: 'id',
  columnSort: 'id',
  onlyLinked: false,
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function kindMatches(kind: KindFilter, policy: PolicyColumn): boolean {
  if (kind === '') return true;
  if (kind === 'linked') return policy.kind !== 'global';
  return policy.kind === kind;
}

export function visiblePolicies(model: MatrixModel, view: MatrixView): PolicyColumn[] {
  const text = view.policyText.trim().toLowerCase();
  const shown = model.policies.filter(
    (p) =>
      (text === '' || p.id.toLowerCase().includes(text) || p.description.toLowerCase().includes(text)) &&
      (view.engine === '' || p.engine === view.engine) &&
      kindMatches(view.kind, p),
  );
  const sorted = [...shown];
  if (view.columnSort === 'engine') sorted.sort((a, b) => byText(a.engine, b.engine) || byText(a.id, b.id));
  else if (view.columnSort === 'links')
    sorted.sort((a, b) => b.clientIds.length - a.clientIds.length || byText(a.id, b.id));
  else sorted.sort((a, b) => byText(a.id, b.id));
  return sorted;
}

export function visibleClients(
  model: MatrixModel,
  view: MatrixView,
  policies: readonly PolicyColumn[],
): ClientRow[] {
  const text = view.clientText.trim().toLowerCase();
  let linked: Set<string> | undefined;
  if (view.onlyLinked) {
    // Server state, not staged edits: a row must not vanish under the cursor while it is edited.
    linked = new Set();
    for (const p of policies) for (const c of model.links.get(p.id) ?? []) linked.add(c);
  }
  const shown = model.clients.filter(
    (c) =>
      (text === '' || c.id.toLowerCase().includes(text) || c.name.toLowerCase().includes(text)) &&
      (view.clientType === '' || (view.clientType === '-' ? c.type === '' : c.type === view.clientType)) &&
      (!linked || linked.has(c.id)),
  );
  const sorted = [...shown];
  if (view.rowSort === 'name')
    sorted.sort((a, b) => byText(a.name || a.id, b.name || b.id) || byText(a.id, b.id));
  else if (view.rowSort === 'links')
    sorted.sort(
      (a, b) => (model.linkCount.get(b.id) ?? 0) - (model.linkCount.get(a.id) ?? 0) || byText(a.id, b.id),
    );
  else sorted.sort((a, b) => byText(a.id, b.id));
  return sorted;
}

export function distinctValues(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort(byText);
}

/** What a cell says, in the grid's words (also its CSV value). */
export function cellState(linked: boolean, pending: boolean): string {
  return `${linked ? 'linked' : 'not linked'}${pending ? ' (pending)' : ''}`;
}

/**
 * Quotes every field; a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` so a spreadsheet never
 * runs a Client name as a formula (OWASP CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The matrix as the filters show it: one row per shown Client, one column per shown policy. */
export function matrixCsv(
  model: MatrixModel,
  staged: Staged,
  clients: readonly ClientRow[],
  policies: readonly PolicyColumn[],
): string {
  const globalCount = String(model.policies.filter((p) => p.kind === 'global').length);
  const lines = [
    ['Client id', 'Client name', 'Client type', 'Global policies', ...policies.map((p) => p.id)],
  ];
  for (const c of clients) {
    const cells = policies.map((p) => {
      const { linked, pending } = effectiveLinked(model, staged, p.id, c.id);
      return cellState(linked, pending);
    });
    lines.push([c.id, c.name, c.type, globalCount, ...cells]);
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
