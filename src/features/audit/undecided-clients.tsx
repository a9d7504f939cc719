// The Clients a who-can answer is not sure about, and why: a partial result is never silent.
import { Link } from 'react-router';
import { cellNote } from '../../domain/effective-access-cells.ts';
import type { AccessRow } from '../../domain/evidence.ts';
import { paths } from '../../routes/paths.ts';

const SHOWN = 100;

export function UndecidedClients({ rows, label }: { rows: readonly AccessRow[]; label: string }) {
  const undecided = rows.filter((r) => r.cell.status === 'unknown' || r.cell.status === 'error');
  if (undecided.length === 0) return null;
  return (
    <>
      <h3 className="au-h3">Not decided ({undecided.length})</h3>
      <table className="data-table au-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {undecided.slice(0, SHOWN).map((r) => (
            <tr key={r.clientId} data-client={r.clientId}>
              <th scope="row">
                <Link to={paths.auditAccess({ client: r.clientId })}>{r.clientId}</Link>
              </th>
              <td className="au-mono">{cellNote(r.cell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {undecided.length > SHOWN ? (
        <p className="au-muted">
          Showing {SHOWN} of {undecided.length}.
        </p>
      ) : null}
    </>
  );
}
