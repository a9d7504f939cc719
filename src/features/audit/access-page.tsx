// /audit/access: a Client's effective access (resource types × interactions), decided by Aidbox's
// own evaluator; `?client=*` evaluates every Client (the benchmark's auditAllClientsMs).
import { useQuery } from '@tanstack/react-query';
import { auditQueries } from '../../api/audit.ts';
import { policyQueries } from '../../api/policies.ts';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { aidbox } from '../../api/aidbox-client.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import { countCells } from '../../domain/effective-access-cells.ts';
import { DEFAULT_RESOURCE_TYPES, INTERACTIONS } from '../../domain/effective-access.ts';
import { accessCsv, accessJson, evidenceFileName } from '../../domain/evidence.ts';
import { AccessGrid, AllClientsSummary } from './access-grid.tsx';
import { clientRef } from './access-model.ts';
import { clientScopes } from './access-scopes.ts';
import { ScopesPanel } from './access-scopes-panel.tsx';
import { AuditLayout, useReviewer } from './audit-layout.tsx';
import { downloadText } from './download.ts';
import { ExportButtons } from './export-buttons.tsx';
import { EvaluationProgress } from './progress.tsx';
import { useAccessRun } from './use-access-run.ts';
import { methodOf } from './method.ts';

export const ALL_CLIENTS = '*';

export function AccessPage() {
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('client') ?? '';
  // `first=N` with `client=*` samples the first N Clients by id (large installations, the benchmark):
  // only those N are read, not every Client (10 pages of 1,000 at 10,000 Clients).
  const first =
    Number(search.get('first')) > 0 ? Math.min(1000, Math.floor(Number(search.get('first')))) : undefined;
  const sampled = chosen === ALL_CLIENTS && first !== undefined;
  const everyClient = useQuery({ ...auditQueries.clients(), enabled: !sampled });
  const firstClients = useQuery({ ...auditQueries.firstClients(first ?? 0), enabled: sampled });
  const clients = sampled ? firstClients : everyClient;
  const policies = useQuery(policyQueries.list());
  const reviewer = useReviewer();
  const selectId = useId();

  const refs = useMemo(() => {
    const all = (clients.data ?? []).map(clientRef);
    return chosen === ALL_CLIENTS ? all.slice(0, first) : all.filter((c) => c.id === chosen);
  }, [clients.data, chosen, first]);
  const polList = policies.data;
  const { state, rows, cancel, run } = useAccessRun(
    refs,
    polList,
    clients.data,
    DEFAULT_RESOURCE_TYPES,
    INTERACTIONS,
  );
  // Progress re-renders the page every 150 ms while Aidbox answers: the 24,000-cell summaries are
  // redone only when the cells change, so the main thread stays free to send the next requests.
  const counts = useMemo(() => countCells(rows.map((r) => r.cell)), [rows]);
  const current = clients.data?.find((s) => s.client.id === chosen)?.client;
  const scopes = useMemo(() => clientScopes(current), [current]);
  const summary = useMemo(() => <AllClientsSummary rows={rows} clients={refs} />, [rows, refs]);

  function exportAs(kind: 'csv' | 'json') {
    const generatedAt = new Date().toISOString();
    const name = evidenceFileName('effective-access', generatedAt, kind);
    if (kind === 'csv') downloadText(name, accessCsv(rows), 'text/csv');
    else
      downloadText(
        name,
        accessJson(rows, { aidboxUrl: aidbox().baseUrl, reviewer, generatedAt }, methodOf(state)),
        'application/json',
      );
  }

  const ready = refs.length > 0 && state.status !== 'idle';
  const actions = <ExportButtons disabled={!ready} onExport={exportAs} />;

  const error = clients.error ?? policies.error;
  return (
    <AuditLayout title="Effective access" actions={actions}>
      <p className="au-intro">
        Each candidate policy (global, linked to the Client, or linked to the interaction’s Operation) is
        evaluated for the Client’s request: by the console from the policy text, and — where Aidbox serves{' '}
        <code>POST /auth/test-policy</code> — by Aidbox for what only Aidbox can decide, with a sample of the
        console’s answers cross-checked. A cell is allowed when any candidate evaluates true. User-linked
        policies are not included: they apply when a User signs in through the Client.
      </p>
      <div className="au-filters">
        <label htmlFor={selectId}>
          Client
          <select
            id={selectId}
            value={chosen}
            disabled={!clients.data}
            onChange={(e) => setSearch(e.target.value ? { client: e.target.value } : {}, { replace: false })}
          >
            <option value="">Choose a Client…</option>
            <option value={ALL_CLIENTS}>
              {sampled ? `The first ${first} Clients` : `All Clients (${clients.data?.length ?? 0})`}
            </option>
            {(clients.data ?? []).map(({ client: c }) => (
              <option key={c.id} value={c.id}>
                {c.id}
                {c.active === false ? ' (inactive)' : ''}
              </option>
            ))}
          </select>
        </label>
        {ready && state.status !== 'running' ? (
          <Button size="sm" onClick={run}>
            {state.status === 'cancelled' ? 'Resume' : 'Evaluate again'}
          </Button>
        ) : null}
      </div>
      {error ? (
        <ErrorPanel error={error} />
      ) : !clients.data || !policies.data ? (
        <div role="status" aria-label="Loading Clients and policies">
          <Skeleton lines={4} />
        </div>
      ) : chosen === '' ? (
        <p className="au-muted">Choose a Client to see what it may do.</p>
      ) : refs.length === 0 ? (
        <ErrorPanel error={new Error(`There is no Client “${chosen}”.`)} />
      ) : (
        <>
          <EvaluationProgress
            state={state}
            onCancel={cancel}
            label="Evaluating effective access"
            unknownCells={counts.unknown}
          />
          {current?.active === false ? (
            <p className="au-note">
              This Client is inactive: Aidbox refuses its credentials, so none of this is usable today.
            </p>
          ) : null}
          {chosen === ALL_CLIENTS ? (
            summary
          ) : (
            <>
              {scopes ? <ScopesPanel scopes={scopes} /> : null}
              <AccessGrid rows={rows} types={DEFAULT_RESOURCE_TYPES} scopes={scopes?.resource} />
            </>
          )}
        </>
      )}
    </AuditLayout>
  );
}
