// The findings as a plain table: every value is text (names, ids and details are untrusted), links
// go to the editor field and to the resource's history inside the console only.
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import type { ReviewFinding } from '../../domain/review-rules.ts';
import { paths } from '../../routes/paths.ts';

/** The editor of the resource a finding is about; the Client editor focuses the named field. */
function fixHref(f: ReviewFinding): string {
  return f.targetType === 'Client'
    ? paths.client({ id: f.targetId }, { field: f.path })
    : paths.policy({ id: f.targetId });
}

export function FindingsTable({ findings }: { findings: readonly ReviewFinding[] }) {
  if (findings.length === 0) {
    return (
      <EmptyState title="No findings match">
        <p>Nothing risky matches these filters. Clear the filters to see every finding.</p>
      </EmptyState>
    );
  }
  return (
    <TableScroll label="Findings table">
      <table className="data-table au-table">
        <caption className="visually-hidden">Security findings</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Resource</th>
            <th scope="col">Finding</th>
            <th scope="col">Source</th>
            <th scope="col" className="au-fix-col">
              Fix
            </th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.key} data-rule={f.rule} data-target={`${f.targetType}/${f.targetId}`}>
              <td>
                <span className={`au-sev au-sev-${f.severity}`}>{f.severity}</span>
              </td>
              <td>
                <span className="au-muted">{f.targetType === 'Client' ? 'Client' : 'Policy'}</span>
                <br />
                <span className="au-mono">{f.targetId}</span>
              </td>
              <td>
                <strong>{f.title}</strong>
                <p className="au-detail">{f.detail}</p>
                <span className="au-muted au-mono">{f.rule}</span>
              </td>
              <td className="au-source">{f.source}</td>
              <td className="au-fix">
                {/* A grid on the cell itself would take it out of table layout and misalign the row. */}
                <div className="au-fix-links">
                  <Link to={fixHref(f)}>
                    {f.path ? (
                      <>
                        Fix <span className="au-mono">{f.path}</span>
                      </>
                    ) : (
                      'Open'
                    )}
                    <span className="visually-hidden"> of {f.targetId}</span>
                  </Link>
                  <Link to={paths.auditHistory({ type: f.targetType, id: f.targetId })}>
                    History<span className="visually-hidden"> of {f.targetId}</span>
                  </Link>
                  {f.targetType === 'Client' ? (
                    <Link to={paths.auditAccess({ client: f.targetId })}>
                      Access<span className="visually-hidden"> of {f.targetId}</span>
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
