// The Client × policy grid: an ARIA grid with both axes virtualized. Only the rows and columns in
// view (plus the focused ones, so roving focus never lands on an unmounted cell) are in the DOM.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ClientRow, MatrixModel, PolicyColumn } from '../../domain/matrix.ts';
import { effectiveLinked, type Staged } from '../../domain/matrix-staging.ts';
import { FIRST_COL, HEADER_ROW, moveFocus, type GridPos } from './grid-keys.ts';
import { ColumnTip, PolicyHeader, type Tip } from './matrix-header.tsx';
import { usePinnedWidths } from './use-pinned-widths.ts';

export const ROW_H = 32;
export const COL_W = 40;
export const HEADER_H = 168;
export interface MatrixGridProps {
  model: MatrixModel;
  staged: Staged;
  clients: readonly ClientRow[];
  policies: readonly PolicyColumn[];
  globalPolicies: readonly PolicyColumn[];
  focus: GridPos;
  onFocusChange: (pos: GridPos) => void;
  onToggle: (policyId: string, clientId: string) => void;
  onToggleRow: (clientId: string) => void;
  onToggleColumn: (policyId: string) => void;
}

/** Always render the focused index, so the one tabbable cell exists even when scrolled away. */
function keep(index: number) {
  return (range: Range) => {
    const out = defaultRangeExtractor(range);
    if (index >= 0 && index < range.count && !out.includes(index)) out.push(index);
    return out.sort((a, b) => a - b);
  };
}

export function cellName(clientId: string, policyId: string, linked: boolean, pending: boolean): string {
  return `Client ${clientId} — policy ${policyId} — ${linked ? 'linked' : 'not linked'}${pending ? ' — pending' : ''}`;
}

export function MatrixGrid(props: MatrixGridProps) {
  const { model, staged, clients, policies, globalPolicies, focus } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const tipId = useId();
  const [tip, setTip] = useState<Tip>();
  const pinned = usePinnedWidths();
  const clientW = pinned.client;
  const globalW = pinned.global;
  const pinnedW = clientW + globalW;

  // eslint-disable-next-line react-hooks/incompatible-library -- react-virtual's documented hook; its values are read in render only
  const rows = useVirtualizer({
    count: clients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 4,
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
    rangeExtractor: keep(focus.row),
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: policies.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COL_W,
    overscan: 3,
    scrollMargin: pinnedW,
    scrollPaddingStart: pinnedW,
    rangeExtractor: keep(focus.col),
  });

  // After a keyboard move, focus the new cell once it is rendered (preventScroll: the virtualizers
  // already scrolled it clear of the sticky header and pinned columns).
  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    scrollRef.current
      ?.querySelector<HTMLElement>(`[data-r="${focus.row}"][data-c="${focus.col}"]`)
      ?.focus({ preventScroll: true });
  });

  function go(pos: GridPos) {
    wantFocus.current = true;
    if (pos.row >= 0) rows.scrollToIndex(pos.row, { align: 'auto' });
    if (pos.col >= 0) cols.scrollToIndex(pos.col, { align: 'auto' });
    else if (scrollRef.current) scrollRef.current.scrollLeft = 0;
    props.onFocusChange(pos);
  }

  function activate(pos: GridPos, shift: boolean, ctrl: boolean) {
    const client = clients[pos.row];
    const policy = policies[pos.col];
    if ((shift || pos.col === FIRST_COL) && client) props.onToggleRow(client.id);
    else if ((ctrl || pos.row === HEADER_ROW) && policy) props.onToggleColumn(policy.id);
    else if (client && policy) props.onToggle(policy.id, client.id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      activate(focus, e.shiftKey, e.ctrlKey || e.metaKey);
      return;
    }
    const el = scrollRef.current;
    const page = el ? Math.max(1, Math.floor((el.clientHeight - HEADER_H) / ROW_H) - 1) : 10;
    const next = moveFocus(focus, e.key, e.ctrlKey || e.metaKey, {
      rows: clients.length,
      cols: policies.length,
      page,
    });
    if (!next) return;
    e.preventDefault();
    go(next);
  }

  function posOf(target: EventTarget): GridPos | undefined {
    const el = (target as HTMLElement).closest?.('[data-r]');
    if (!el) return undefined;
    return { row: Number(el.getAttribute('data-r')), col: Number(el.getAttribute('data-c')) };
  }

  const width = pinnedW + cols.getTotalSize();
  const height = HEADER_H + rows.getTotalSize();
  const colItems = cols.getVirtualItems();
  const tab = (r: number, c: number) => (focus.row === r && focus.col === c ? 0 : -1);
  const colClass = (c: number) => (focus.col === c ? ' pm-col-focus' : '');

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Clients × AccessPolicies"
        aria-rowcount={clients.length + 1}
        aria-colcount={policies.length + 2}
        className="pm-grid"
        // -1: focusable for the a11y contract, but Tab lands on the one roving cell, not here
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const pos = posOf(e.target);
          if (pos && (pos.row !== focus.row || pos.col !== focus.col)) props.onFocusChange(pos);
        }}
        onClick={(e) => {
          const pos = posOf(e.target);
          if (pos && pos.row >= 0 && pos.col >= 0) activate(pos, false, false);
        }}
        onMouseLeave={() => setTip(undefined)}
      >
        <div role="presentation" className="pm-canvas" style={{ width, height }}>
          <div role="rowgroup" className="pm-head" style={{ width, height: HEADER_H }}>
            <div role="row" aria-rowindex={1} className="pm-row">
              <div role="presentation" className="pm-pinned">
                <div
                  role="columnheader"
                  aria-colindex={1}
                  className="pm-h pm-h-client"
                  data-r={-1}
                  data-c={-2}
                  tabIndex={tab(-1, -2)}
                  style={{ width: clientW }}
                >
                  Client
                </div>
                <div
                  role="columnheader"
                  aria-colindex={2}
                  className={`pm-h pm-h-global${colClass(-1)}`}
                  data-r={-1}
                  data-c={-1}
                  tabIndex={tab(-1, -1)}
                  style={{ width: globalW }}
                  aria-describedby={tip?.col === -1 ? tipId : undefined}
                  onMouseEnter={(e) => setTip({ col: -1, rect: e.currentTarget.getBoundingClientRect() })}
                  onFocus={(e) => setTip({ col: -1, rect: e.currentTarget.getBoundingClientRect() })}
                  onBlur={() => setTip(undefined)}
                >
                  Global
                  <span className="pm-h-sub">{globalPolicies.length} apply to all</span>
                </div>
              </div>
              {colItems.map((vc) => {
                const p = policies[vc.index];
                if (!p) return null;
                return (
                  <PolicyHeader
                    key={p.id}
                    policy={p}
                    index={vc.index}
                    left={vc.start}
                    width={vc.size}
                    focused={focus.col === vc.index}
                    tabIndex={tab(-1, vc.index)}
                    describedBy={tip?.col === vc.index ? tipId : undefined}
                    onTip={(rect) => setTip(rect ? { col: vc.index, rect } : undefined)}
                  />
                );
              })}
            </div>
          </div>
          <div role="rowgroup">
            {rows.getVirtualItems().map((vr) => {
              const c = clients[vr.index];
              if (!c) return null;
              const r = vr.index;
              return (
                <div
                  key={c.id}
                  role="row"
                  aria-rowindex={r + 2}
                  className={`pm-row pm-body-row${focus.row === r ? ' pm-row-focus' : ''}`}
                  style={{ top: vr.start, width, height: ROW_H }}
                >
                  <div role="presentation" className="pm-pinned">
                    <div
                      role="rowheader"
                      aria-colindex={1}
                      className="pm-rh"
                      data-r={r}
                      data-c={-2}
                      tabIndex={tab(r, -2)}
                      style={{ width: clientW }}
                    >
                      <span className="pm-rh-id">{c.id}</span>
                      {c.name && c.name !== c.id ? <span className="pm-rh-name">{c.name}</span> : null}
                      {!c.active ? <span className="pm-tag">inactive</span> : null}
                    </div>
                    <div
                      role="gridcell"
                      aria-colindex={2}
                      className={`pm-cell pm-global${colClass(-1)}`}
                      data-r={r}
                      data-c={-1}
                      tabIndex={tab(r, -1)}
                      aria-label={`Client ${c.id} — ${globalPolicies.length} global ${globalPolicies.length === 1 ? 'policy applies' : 'policies apply'}`}
                      style={{ width: globalW }}
                    >
                      <span aria-hidden="true">
                        {globalPolicies.length > 0 ? globalPolicies.length : '—'}
                      </span>
                    </div>
                  </div>
                  {colItems.map((vc) => {
                    const p = policies[vc.index];
                    if (!p) return null;
                    const { linked, pending } = effectiveLinked(model, staged, p.id, c.id);
                    const state = `${linked ? ' pm-on' : ''}${pending ? ' pm-pending' : ''}${colClass(vc.index)}`;
                    return (
                      <div
                        key={p.id}
                        role="gridcell"
                        aria-colindex={vc.index + 3}
                        aria-label={cellName(c.id, p.id, linked, pending)}
                        className={`pm-cell pm-toggle pm-kind-${p.kind}${state}`}
                        data-r={r}
                        data-c={vc.index}
                        tabIndex={tab(r, vc.index)}
                        style={{ left: vc.start, width: vc.size }}
                      >
                        <span aria-hidden="true" className="pm-mark" />
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {tip ? <ColumnTip id={tipId} tip={tip} policies={policies} globalPolicies={globalPolicies} /> : null}
    </>
  );
}
