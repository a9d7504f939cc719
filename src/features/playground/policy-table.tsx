// The candidate policies of one request, whichever side decided them: Aidbox's debug output
// (policy-debug.tsx) or the console's evaluator (local-decision.tsx).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../routes/paths.ts';

export interface PolicyRow {
  id: string;
  engine: string;
  result: ReactNode;
}

export function PolicyTable({
  caption,
  resultHeader,
  rows,
}: {
  caption: string;
  resultHeader: string;
  rows: PolicyRow[];
}) {
  if (rows.length === 0) return null;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">Engine</th>
          <th scope="col">{resultHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={paths.policy({ id: p.id })}>{p.id}</Link>
            </th>
            <td>{p.engine}</td>
            <td>{p.result}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
