// `/policies`: every AccessPolicy with its engine, kind and links, filtered in the page (all of
// them are loaded anyway for the matrix; there are hundreds, not tens of thousands).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { policyQueries } from '../../api/policies.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { toColumn } from '../../domain/matrix.ts';
import { paths } from '../../routes/paths.ts';
import { kindLabel } from './matrix-header.tsx';
import './policies.css';

export function PoliciesListPage() {
  const query = useQuery(policyQueries.list());
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const columns = useMemo(() => (query.data ?? []).map(toColumn), [query.data]);
  const text = q.trim().toLowerCase();
  const shown = columns.filter(
    (p) => text === '' || p.id.toLowerCase().includes(text) || p.description.toLowerCase().includes(text),
  );

  return (
    <section className="pm-page" aria-labelledby="pl-title">
      <header className="pm-page-header">
        <h1 id="pl-title">AccessPolicies</h1>
        <Link to={paths.policyMatrix()}>Open the policy matrix</Link>
      </header>
      <label className="pm-field">
        <span>Search policy id or description</span>
        <input
          type="search"
          className="input"
          value={q}
          onChange={(e) => setSearch(e.target.value ? { q: e.target.value } : {}, { replace: true })}
        />
      </label>
      {query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <div className="pm-loading" role="status">
          <Spinner /> Loading policies…
        </div>
      ) : shown.length === 0 ? (
        <EmptyState title={columns.length === 0 ? 'No AccessPolicies yet' : 'No policy matches'} />
      ) : (
        <>
          <p role="status" className="pm-muted pm-small">
            {shown.length} of {columns.length} policies
          </p>
          <TableScroll label="Policies table">
            <table className="data-table pm-table">
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">Engine</th>
                  <th scope="col">Applies to</th>
                  <th scope="col">Clients</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={paths.policy({ id: p.id })} className="pm-mono">
                        {p.id}
                      </Link>
                    </td>
                    <td>{p.engine}</td>
                    <td className={p.kind === 'mixed' ? 'pm-warn' : undefined}>
                      {p.kind === 'mixed' ? '⚠ ' : ''}
                      {kindLabel(p)}
                    </td>
                    <td>{p.clientIds.length}</td>
                    <td>{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
