// Tables of the effective-access screen. Decisions are words, not only colours, and every policy id
// is text.
import { Link } from 'react-router';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import type { Cell } from '../../domain/effective-access-cells.ts';
import { INTERACTIONS, type ClientRef } from '../../domain/effective-access.ts';
import type { AccessRow } from '../../domain/evidence.ts';
import type { ResourceScope } from '../../domain/smart-scopes.ts';
import { paths } from '../../routes/paths.ts';
import { scopeCover } from './access-scopes.ts';
import { ScopeLine } from './access-scopes-panel.tsx';

export function CellView({ cell }: { cell: Cell }) {
  switch (cell.status) {
    case 'allowed':
      return (
        <span className="au-cell au-allowed">
          Allowed <span className="au-by">by {cell.by.join(', ')}</span>
        </span>
      );
    case 'denied':
      return <span className="au-cell au-denied">Denied</span>;
    case 'pending':
      return <span className="au-cell au-pending">Not evaluated</span>;
    case 'unknown':
      return (
        <span className="au-cell au-unknown" title={cell.reason}>
          Unknown <span className="au-by">needs Aidbox: {cell.reason.split(': ')[0]}</span>
        </span>
      );
    case 'error':
      return (
        <span className="au-cell au-error" title={cell.message}>
          Error
        </span>
      );
  }
}

/** `scopes`: the Client's allowed resource scopes, shown under each policy cell (SMART Clients). */
export function AccessGrid({
  rows,
  types,
  scopes,
}: {
  rows: readonly AccessRow[];
  types: readonly string[];
  scopes?: readonly ResourceScope[] | undefined;
}) {
  const byKey = new Map(rows.map((r) => [`${r.resourceType}|${r.interaction}`, r.cell]));
  return (
    <>
      <TableScroll label="Effective access by resource type">
        <table className="data-table au-table au-grid">
          <caption className="visually-hidden">Effective access by resource type and interaction</caption>
          <thead>
            <tr>
              <th scope="col">Resource type</th>
              {INTERACTIONS.map((i) => (
                <th key={i} scope="col">
                  {i}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {types.map((t) => (
              <tr key={t}>
                <th scope="row">{t}</th>
                {INTERACTIONS.map((i) => {
                  const cell = byKey.get(`${t}|${i}`);
                  return (
                    <td key={i} data-cell={`${t}:${i}`}>
                      {cell ? <CellView cell={cell} /> : null}
                      {scopes && cell ? (
                        <ScopeLine cover={scopeCover(scopes, t, i)} allowed={cell.status === 'allowed'} />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="au-muted au-footnote">
        “transaction” is the Bundle endpoint (<code>POST /fhir</code>, FhirTransaction); Aidbox then
        authorizes each entry on its own as a create, update or delete.
      </p>
    </>
  );
}

const SHOWN_CLIENTS = 500;

export function AllClientsSummary({
  rows,
  clients,
}: {
  rows: readonly AccessRow[];
  clients: readonly ClientRef[];
}) {
  const per = new Map<string, { allowed: number; pending: number; unknown: number; by: Set<string> }>();
  for (const r of rows) {
    const s = per.get(r.clientId) ?? { allowed: 0, pending: 0, unknown: 0, by: new Set<string>() };
    if (r.cell.status === 'allowed') {
      s.allowed++;
      for (const p of r.cell.by) s.by.add(p);
    } else if (r.cell.status === 'pending') s.pending++;
    else if (r.cell.status === 'unknown' || r.cell.status === 'error') s.unknown++;
    per.set(r.clientId, s);
  }
  const cellsPerClient = clients.length ? rows.length / clients.length : 0;
  return (
    <>
      <TableScroll label="Effective access of every Client">
        <table className="data-table au-table">
          <caption className="visually-hidden">Effective access of every Client</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Allowed cells</th>
              <th scope="col">Not evaluated</th>
              <th scope="col">Unknown (needs Aidbox)</th>
              <th scope="col">Allowed by</th>
            </tr>
          </thead>
          <tbody>
            {clients.slice(0, SHOWN_CLIENTS).map((c) => {
              const s = per.get(c.id);
              return (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={paths.auditAccess({ client: c.id })}>{c.id}</Link>
                  </th>
                  <td>
                    {s?.allowed ?? 0} of {cellsPerClient}
                  </td>
                  <td>{s?.pending ?? 0}</td>
                  <td>{s?.unknown ?? 0}</td>
                  <td className="au-mono">{[...(s?.by ?? [])].sort().join(', ') || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {clients.length > SHOWN_CLIENTS ? (
        <p className="au-muted">
          Showing {SHOWN_CLIENTS} of {clients.length} Clients; the export contains all of them.
        </p>
      ) : null}
    </>
  );
}
