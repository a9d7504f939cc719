// The matrix screen once data is loaded: view (URL), staged edits, focus, the grid, the tray and
// the apply dialogs. Staged edits are intents; after any refetch they are pruned against the server.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AccessPolicy } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/auth-context.tsx';
import { Button } from '../../components/ui/button.tsx';
import { StatusLine } from '../../components/ui/status-line.tsx';
import { useConsoleConfig } from '../../config/config-context.tsx';
import { buildMatrix, type ClientRow } from '../../domain/matrix.ts';
import {
  EMPTY_STAGED,
  diffByPolicy,
  effectiveLinked,
  fromDiffs,
  prune,
  setMany,
  toggle,
  undo,
  undoPolicy,
  type ChangeAction,
  type Staged,
} from '../../domain/matrix-staging.ts';
import {
  distinctValues,
  matrixCsv,
  visibleClients,
  visiblePolicies,
  type MatrixView,
} from '../../domain/matrix-view.ts';
import { ConflictDialog, RiskDialog } from './apply-dialogs.tsx';
import { clampPos, type GridPos } from './grid-keys.ts';
import { MatrixGrid } from './matrix-grid.tsx';
import { MatrixNotes } from './matrix-notes.tsx';
import { readMatrixView, writeMatrixView } from './matrix-params.ts';
import { MatrixToolbar } from './matrix-toolbar.tsx';
import { PendingTray } from './pending-tray.tsx';
import { StagedLeaveGuard, useGuardedStaging } from './staging-guards.tsx';
import { useApply } from './use-apply.ts';
import { OverwriteDialog } from './overwrite-dialog.tsx';
import { UnlinkImpact } from './unlink-impact.tsx';

const numberFormat = new Intl.NumberFormat('en-US');

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function MatrixEditor(props: {
  policies: readonly AccessPolicy[];
  clients: readonly ClientRow[];
  /** set while later Client pages are still streaming in: the server's total */
  loadingTotal?: number | undefined;
}) {
  const [search, setSearch] = useSearchParams();
  const view = readMatrixView(search);
  const model = useMemo(() => buildMatrix(props.policies, props.clients), [props.policies, props.clients]);
  const [stagedRaw, setStaged] = useState<Staged>(EMPTY_STAGED);
  const staged = useMemo(() => prune(stagedRaw, model), [stagedRaw, model]);
  const [focusRaw, setFocus] = useState<GridPos>({ row: 0, col: 0 });
  const [notice, setNotice] = useState('');
  const config = useConsoleConfig();
  const user = useCurrentUser();
  const admin = { consoleClientId: config.clientId, userId: user?.sub ?? '' };

  const { clientText, clientType, policyText, engine, kind, rowSort, columnSort, onlyLinked } = view;
  const policies = useMemo(
    () => visiblePolicies(model, { ...view }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view object is rebuilt per render; its fields are the deps
    [model, policyText, engine, kind, columnSort],
  );
  const clients = useMemo(
    () => visibleClients(model, { ...view }, policies),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [model, policies, clientText, clientType, rowSort, onlyLinked],
  );
  const types = useMemo(() => distinctValues(model.clients.map((c) => c.type)), [model]);
  const engines = useMemo(() => distinctValues(model.policies.map((p) => p.engine)), [model]);
  const globals = useMemo(() => model.policies.filter((p) => p.kind === 'global'), [model]);
  const mixed = useMemo(() => model.policies.filter((p) => p.kind === 'mixed'), [model]);
  const userOrOp = useMemo(() => model.policies.filter((p) => p.kind === 'user-or-operation'), [model]);
  const focus = clampPos(focusRaw, { rows: clients.length, cols: policies.length, page: 1 });
  const diffs = useMemo(() => diffByPolicy(staged), [staged]);

  const apply = useApply({
    admin,
    onApplied: (links, count) => {
      setStaged(EMPTY_STAGED);
      setNotice(
        `Applied ${links} ${links === 1 ? 'change' : 'changes'} to ${count} ${count === 1 ? 'policy' : 'policies'}.`,
      );
    },
    onRebased: (remaining) => setStaged(fromDiffs(remaining)),
  });

  function update(patch: Partial<MatrixView>, replace = false) {
    setSearch(writeMatrixView({ ...view, ...patch }), { replace });
  }

  // A step that links a Global or User/Operation policy waits for a confirmation (guard.dialog).
  const guard = useGuardedStaging(model, staged, setStaged);
  function stage(next: Staged) {
    setNotice('');
    guard.stage(next);
  }

  function setLine(cells: { policyId: string; clientId: string }[], action?: ChangeAction) {
    const all = cells.every((c) => effectiveLinked(model, staged, c.policyId, c.clientId).linked);
    stage(setMany(staged, model, cells, action ?? (all ? 'unlink' : 'link')));
  }
  const rowCells = (clientId: string) => policies.map((p) => ({ policyId: p.id, clientId }));
  const colCells = (policyId: string) => clients.map((c) => ({ policyId, clientId: c.id }));
  const focusedClient = clients[focus.row];
  const focusedPolicy = policies[focus.col];
  const busy = apply.state.phase === 'applying';

  return (
    <div className="pm-matrix">
      <MatrixToolbar view={view} types={types} engines={engines} onChange={update} />
      <MatrixNotes mixed={mixed} globals={globals} userOrOp={userOrOp} />
      <div className="pm-bar">
        <p
          role="status"
          className="pm-shown"
          data-loading-more={props.loadingTotal !== undefined ? '' : undefined}
        >
          Showing {numberFormat.format(clients.length)} of{' '}
          {numberFormat.format(props.loadingTotal ?? model.clients.length)} Clients
          {props.loadingTotal !== undefined
            ? ` (${numberFormat.format(model.clients.length)} loaded so far…)`
            : ''}{' '}
          × {numberFormat.format(policies.length)} of {numberFormat.format(model.policies.length)} policies
        </p>
        <div className="pm-bulk">
          <Button
            size="sm"
            disabled={!focusedClient || busy}
            onClick={() => focusedClient && setLine(rowCells(focusedClient.id), 'link')}
          >
            Link row
          </Button>
          <Button
            size="sm"
            disabled={!focusedClient || busy}
            onClick={() => focusedClient && setLine(rowCells(focusedClient.id), 'unlink')}
          >
            Unlink row
          </Button>
          <Button
            size="sm"
            disabled={!focusedPolicy || busy}
            onClick={() => focusedPolicy && setLine(colCells(focusedPolicy.id), 'link')}
          >
            Link column
          </Button>
          <Button
            size="sm"
            disabled={!focusedPolicy || busy}
            onClick={() => focusedPolicy && setLine(colCells(focusedPolicy.id), 'unlink')}
          >
            Unlink column
          </Button>
          <Button
            size="sm"
            onClick={() => download(matrixCsv(model, staged, clients, policies), 'policy-matrix.csv')}
          >
            Export CSV
          </Button>
        </div>
      </div>
      <p className="pm-muted pm-small pm-focus-line" aria-hidden="true">
        {focusedClient ? `Row: ${focusedClient.id}` : 'Row: —'} ·{' '}
        {focusedPolicy ? `Column: ${focusedPolicy.id}` : 'Column: —'}
      </p>
      <StatusLine tone="success">{notice}</StatusLine>
      <div className="pm-work">
        {clients.length === 0 || policies.length === 0 ? (
          <div className="pm-empty">
            <p>No {clients.length === 0 ? 'Clients' : 'policies'} match these filters.</p>
            <Button onClick={() => setSearch(new URLSearchParams())}>Clear filters</Button>
          </div>
        ) : (
          <MatrixGrid
            model={model}
            staged={staged}
            clients={clients}
            policies={policies}
            globalPolicies={globals}
            focus={focus}
            onFocusChange={setFocus}
            onToggle={(policyId, clientId) => stage(toggle(staged, model, policyId, clientId))}
            onToggleRow={(clientId) => setLine(rowCells(clientId))}
            onToggleColumn={(policyId) => setLine(colCells(policyId))}
          />
        )}
        <PendingTray
          diffs={diffs}
          busy={busy}
          error={apply.state.phase === 'failed' ? apply.state.error : undefined}
          onUndo={(p, c) => setStaged(undo(staged, p, c))}
          onUndoPolicy={(p) => setStaged(undoPolicy(staged, p))}
          onDiscardAll={() => {
            setStaged(EMPTY_STAGED);
            apply.dismiss();
          }}
          onApply={() => apply.start(model.resources, diffs)}
        />
      </div>
      <StagedLeaveGuard count={staged.size} />
      {guard.dialog}
      {apply.state.phase === 'confirm-risks' ? (
        <RiskDialog
          risks={apply.state.risks}
          admin={admin}
          impact={<UnlinkImpact base={apply.state.base} diffs={apply.state.diffs} clients={model.clients} />}
          onConfirm={apply.confirm}
          onCancel={apply.dismiss}
        />
      ) : null}
      {apply.state.phase === 'overwritten' ? (
        <OverwriteDialog
          overwrites={apply.state.overwrites}
          unverified={apply.state.unverified}
          canRestore={apply.state.restore.entry.length > 0}
          onRestore={apply.confirm}
          onClose={apply.dismiss}
        />
      ) : null}
      {apply.state.phase === 'conflict' ? (
        <ConflictDialog
          result={apply.state.result}
          risks={apply.state.risks}
          admin={admin}
          onConfirm={apply.confirm}
          onCancel={apply.dismiss}
        />
      ) : null}
    </div>
  );
}
