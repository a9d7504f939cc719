// /audit/who?interaction=delete&type=Patient: every Client Aidbox would allow to do that, with the
// deciding policy (issue 7 §3). Same evaluator and cache as the effective-access screen.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import {
  DEFAULT_RESOURCE_TYPES,
  INTERACTIONS,
  planEvaluations,
  type Interaction,
} from '../../domain/effective-access.ts';
import { buildCellIndex, clientRef, rowsFromIndex } from './access-model.ts';
import { AuditLayout } from './audit-layout.tsx';
import { toAccess } from './links.ts';
import { EvaluationProgress } from './progress.tsx';
import { asPolicies, auditQueries } from './review-data.ts';
import { useEvaluation } from './use-evaluation.ts';

function readInteraction(v: string | null): Interaction {
  return (INTERACTIONS as readonly string[]).includes(v ?? '') ? (v as Interaction) : 'delete';
}

export function WhoPage() {
  const [search, setSearch] = useSearchParams();
  const interaction = readInteraction(search.get('interaction'));
  const type = /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(search.get('type') ?? '')
    ? (search.get('type') ?? '')
    : 'Patient';
  const clients = useQuery(auditQueries.clients());
  const policies = useQuery(auditQueries.policies());
  const { state, start, cancel } = useEvaluation();
  const id = useId();

  const refs = useMemo(() => (clients.data ?? []).map(clientRef), [clients.data]);
  const polList = useMemo(() => asPolicies(policies.data ?? []), [policies.data]);
  const plan = useMemo(
    () => planEvaluations(refs, polList, [type], [interaction]),
    [refs, polList, type, interaction],
  );
  useEffect(() => {
    if (refs.length > 0 && policies.data) start(plan);
  }, [plan, refs.length, policies.data, start]);

  const index = useMemo(
    () => buildCellIndex(polList, refs, [type], [interaction]),
    [polList, refs, type, interaction],
  );
  const rows = useMemo(() => rowsFromIndex(index, state.results), [index, state.results]);
  const allowed = rows.filter((r) => r.cell.status === 'allowed');
  const unknown = rows.filter((r) => r.cell.status === 'pending' || r.cell.status === 'error').length;
  const active = new Map((clients.data ?? []).map((c) => [c.id ?? '', c.active !== false]));

  function update(next: { interaction?: string; type?: string }) {
    setSearch({ interaction: next.interaction ?? interaction, type: next.type ?? type }, { replace: true });
  }

  const error = clients.error ?? policies.error;
  return (
    <AuditLayout title="Who can…">
      <form className="au-filters" aria-label="Question" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-i`}>
          Interaction
          <select
            id={`${id}-i`}
            value={interaction}
            onChange={(e) => update({ interaction: e.target.value })}
          >
            {INTERACTIONS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-t`}>
          Resource type
          <input
            id={`${id}-t`}
            list={`${id}-types`}
            defaultValue={type}
            key={type}
            onBlur={(e) => update({ type: e.target.value.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ type: e.currentTarget.value.trim() });
            }}
          />
          <datalist id={`${id}-types`}>
            {DEFAULT_RESOURCE_TYPES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
      </form>
      {error ? (
        <ErrorPanel error={error} />
      ) : !clients.data || !policies.data ? (
        <div role="status" aria-label="Loading Clients and policies">
          <Skeleton lines={4} />
        </div>
      ) : (
        <>
          <EvaluationProgress
            state={state}
            onCancel={cancel}
            label={`Evaluating who can ${interaction} ${type}`}
          />
          <h2 className="au-h2">
            {allowed.length} {allowed.length === 1 ? 'Client' : 'Clients'} may {interaction} {type}
            {unknown > 0 ? ` (${unknown} not evaluated yet)` : ''}
          </h2>
          {allowed.length === 0 ? (
            <p className="au-muted">No Client is allowed by the evaluated policies.</p>
          ) : (
            <table className="au-table" aria-label={`Clients allowed to ${interaction} ${type}`}>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Allowed by (first by id decides in devbox)</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {allowed.map((r) => (
                  <tr key={r.clientId} data-client={r.clientId}>
                    <th scope="row">
                      <Link to={toAccess(r.clientId)}>{r.clientId}</Link>
                    </th>
                    <td className="au-mono">{r.cell.status === 'allowed' ? r.cell.by.join(', ') : ''}</td>
                    <td>{active.get(r.clientId) ? 'active' : 'inactive (credentials refused)'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </AuditLayout>
  );
}
