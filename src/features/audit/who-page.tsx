// /audit/who?interaction=delete&type=Patient: every Client Aidbox would allow to do that, with the
// deciding policy (issue 7 §3). Same evaluator and cache as the effective-access screen.
import { useQuery } from '@tanstack/react-query';
import { auditQueries } from '../../api/audit.ts';
import { policyQueries } from '../../api/policies.ts';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import { whoCanSummary } from '../../domain/effective-access-summary.ts';
import { DEFAULT_RESOURCE_TYPES, INTERACTIONS, type Interaction } from '../../domain/effective-access.ts';
import type { ClientDraft } from '../../model/client.ts';
import { paths } from '../../routes/paths.ts';
import { clientRef } from './access-model.ts';
import { UndecidedClients } from './undecided-clients.tsx';
import { AuditLayout } from './audit-layout.tsx';
import { EvaluationProgress } from './progress.tsx';
import { useAccessRun } from './use-access-run.ts';
import { clientScopes, scopeCover } from './access-scopes.ts';

/** Rows rendered at once: at 10,000 Clients a full table would take seconds to render. */
const SHOWN = 500;

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
  const policies = useQuery(policyQueries.list());
  const id = useId();

  const refs = useMemo(() => (clients.data ?? []).map(clientRef), [clients.data]);
  const polList = policies.data;
  const types = useMemo(() => [type], [type]);
  const interactions = useMemo(() => [interaction], [interaction]);
  const { state, rows, cancel } = useAccessRun(refs, polList, clients.data, types, interactions);
  // Progress re-renders every 150 ms while Aidbox answers: over 10,000 Clients these are redone
  // only when the cells or the Clients change, so the main thread stays free for the requests.
  const allowed = useMemo(() => rows.filter((r) => r.cell.status === 'allowed'), [rows]);
  const summary = useMemo(
    () =>
      whoCanSummary(
        rows.map((r) => r.cell),
        `${interaction} ${type}`,
      ),
    [rows, interaction, type],
  );
  const byId = useMemo(
    () => new Map((clients.data ?? []).map(({ client: c }) => [c.id ?? '', c])),
    [clients.data],
  );

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
            unknownCells={summary.unknown}
            unit={['Client', 'Clients']}
          />
          <h2 className="au-h2" data-complete={summary.complete}>
            {summary.headline}
          </h2>
          {summary.empty !== undefined ? (
            <p className="au-muted">{summary.empty}</p>
          ) : (
            <TableScroll label="Allowed Clients">
              <table className="data-table au-table" aria-label={`Clients allowed to ${interaction} ${type}`}>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">Allowed by (first by id decides in devbox)</th>
                    <th scope="col">Status</th>
                    <th scope="col">SMART scopes (atv 2 tokens)</th>
                  </tr>
                </thead>
                <tbody>
                  {allowed.slice(0, SHOWN).map((r) => (
                    <tr key={r.clientId} data-client={r.clientId}>
                      <th scope="row">
                        <Link to={paths.auditAccess({ client: r.clientId })}>{r.clientId}</Link>
                      </th>
                      <td className="au-mono">{r.cell.status === 'allowed' ? r.cell.by.join(', ') : ''}</td>
                      <td>
                        {byId.get(r.clientId)?.active !== false ? 'active' : 'inactive (credentials refused)'}
                      </td>
                      <td>
                        <ScopeCell client={byId.get(r.clientId)} type={type} interaction={interaction} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {allowed.length > SHOWN ? (
            <p className="au-muted">
              Showing the first {SHOWN} of {allowed.length} allowed Clients (by id).
            </p>
          ) : null}
          {allowed.length > 0 ? (
            <p className="au-muted au-footnote">
              SMART scopes: on Aidbox a request made with an <code>atv: 2</code> token needs a scope covering
              it as well as a policy; a Client without <code>scope</code> is not restricted by scopes. A
              Client’s effective access explains it.
            </p>
          ) : null}
          <UndecidedClients rows={rows} label={`Clients not decided for ${interaction} ${type}`} />
        </>
      )}
    </AuditLayout>
  );
}

/** Which of the Client's SMART scopes also allows the request, or that none does. */
function ScopeCell({
  client,
  type,
  interaction,
}: {
  client: ClientDraft | undefined;
  type: string;
  interaction: Interaction;
}) {
  const scopes = clientScopes(client);
  if (!scopes) return <span className="au-muted">no scope</span>;
  const cover = scopeCover(scopes.resource, type, interaction);
  if (cover.kind === 'covered')
    return <span className="au-mono">{cover.by.map((s) => s.raw).join(', ')}</span>;
  if (cover.kind === 'per-entry') return <span className="au-muted">checked per entry</span>;
  return <span className="au-scope-none">none covers it: denied to atv 2 tokens</span>;
}
