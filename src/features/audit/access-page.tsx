// /audit/access: a Client's effective access (resource types × interactions), decided by Aidbox's
// own evaluator; `?client=*` evaluates every Client (the benchmark's auditAllClientsMs).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { aidbox } from '../../api/aidbox-client.ts';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import { DEFAULT_RESOURCE_TYPES, INTERACTIONS, planEvaluations } from '../../domain/effective-access.ts';
import { accessCsv, accessJson, evidenceFileName } from '../../domain/evidence.ts';
import { AccessGrid, AllClientsSummary } from './access-grid.tsx';
import { buildCellIndex, clientRef, rowsFromIndex } from './access-model.ts';
import { AuditLayout, useReviewer } from './audit-layout.tsx';
import { downloadText } from './download.ts';
import { EvaluationProgress } from './progress.tsx';
import { asPolicies, auditQueries } from './review-data.ts';
import { useEvaluation } from './use-evaluation.ts';
import { ExportButtons } from './export-buttons.tsx';

export const ALL_CLIENTS = '*';

export function AccessPage() {
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('client') ?? '';
  const clients = useQuery(auditQueries.clients());
  const policies = useQuery(auditQueries.policies());
  const { state, start, cancel } = useEvaluation();
  const reviewer = useReviewer();
  const selectId = useId();

  // `first=N` with `client=*` samples the first N Clients by id (large installations, the benchmark).
  const first = Number(search.get('first')) > 0 ? Math.floor(Number(search.get('first'))) : undefined;
  const refs = useMemo(() => {
    const all = (clients.data ?? []).map(clientRef);
    return chosen === ALL_CLIENTS ? all.slice(0, first) : all.filter((c) => c.id === chosen);
  }, [clients.data, chosen, first]);
  const polList = useMemo(() => asPolicies(policies.data ?? []), [policies.data]);
  const plan = useMemo(
    () => planEvaluations(refs, polList, DEFAULT_RESOURCE_TYPES, INTERACTIONS),
    [refs, polList],
  );

  useEffect(() => {
    if (refs.length > 0 && policies.data) start(plan);
  }, [plan, refs.length, policies.data, start]);

  const index = useMemo(
    () => buildCellIndex(polList, refs, DEFAULT_RESOURCE_TYPES, INTERACTIONS),
    [polList, refs],
  );
  const rows = useMemo(() => rowsFromIndex(index, state.results), [index, state.results]);
  const current = clients.data?.find((c) => c.id === chosen);

  function exportAs(kind: 'csv' | 'json') {
    const generatedAt = new Date().toISOString();
    const name = evidenceFileName('effective-access', generatedAt, kind);
    if (kind === 'csv') downloadText(name, accessCsv(rows), 'text/csv');
    else
      downloadText(
        name,
        accessJson(rows, { aidboxUrl: aidbox().baseUrl, reviewer, generatedAt }, state.status === 'done'),
        'application/json',
      );
  }

  const ready = refs.length > 0 && state.status !== 'idle';
  const actions = <ExportButtons disabled={!ready} onExport={exportAs} />;

  const error = clients.error ?? policies.error;
  return (
    <AuditLayout title="Effective access" actions={actions}>
      <p className="au-intro">
        Decided by Aidbox itself: each candidate policy (global, linked to the Client, or linked to the
        interaction’s Operation) is sent to <code>POST /auth/test-policy</code> with the Client in the
        request. A cell is allowed when any candidate evaluates true. User-linked policies are not included:
        they apply when a User signs in through the Client.
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
            <option value={ALL_CLIENTS}>All Clients ({clients.data?.length ?? 0})</option>
            {(clients.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
                {c.active === false ? ' (inactive)' : ''}
              </option>
            ))}
          </select>
        </label>
        {ready && state.status !== 'running' ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => start(plan)}>
            <span>{state.status === 'cancelled' ? 'Resume' : 'Evaluate again'}</span>
          </button>
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
          <EvaluationProgress state={state} onCancel={cancel} label="Evaluating effective access" />
          {current?.active === false ? (
            <p className="au-note">
              This Client is inactive: Aidbox refuses its credentials, so none of this is usable today.
            </p>
          ) : null}
          {chosen === ALL_CLIENTS ? (
            <AllClientsSummary rows={rows} clients={refs} />
          ) : (
            <AccessGrid rows={rows} types={DEFAULT_RESOURCE_TYPES} />
          )}
        </>
      )}
    </AuditLayout>
  );
}
