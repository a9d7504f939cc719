// `/policies/matrix`: loads every policy and every Client row (large pages), then the editor.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { policyQueries } from '../../api/policies.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { paths } from '../../routes/paths.ts';
import { MatrixEditor } from './matrix-editor.tsx';
import './policies.css';

export function MatrixPage() {
  const policies = useQuery(policyQueries.list());
  // The first page of rows makes the grid usable at once; the rest stream in behind it.
  const first = useQuery(policyQueries.matrixClientsFirst());
  const hasMore = first.data !== undefined && (first.data.total ?? 0) > first.data.rows.length;
  const rest = useQuery({
    ...policyQueries.matrixClientsRest(first.data),
    enabled: hasMore || first.data?.next !== undefined,
  });
  const rows = useMemo(
    () => (first.data ? [...first.data.rows, ...(rest.data ?? [])] : undefined),
    [first.data, rest.data],
  );
  const loadingMore = rest.isFetching && rest.data === undefined;

  let body;
  if (policies.isError || first.isError) {
    body = (
      <ErrorPanel
        title="The policy matrix could not be loaded"
        error={policies.error ?? first.error}
        onRetry={() => {
          void policies.refetch();
          void first.refetch();
        }}
      />
    );
  } else if (!policies.data || !rows) {
    body = (
      <div className="pm-loading" role="status" aria-live="polite">
        <Spinner /> Loading policies and Clients…
      </div>
    );
  } else if (policies.data.length === 0 || rows.length === 0) {
    body = (
      <EmptyState title={policies.data.length === 0 ? 'No AccessPolicies yet' : 'No Clients yet'}>
        The matrix shows which AccessPolicy links which Client; it needs at least one of each.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {rest.isError ? (
          <ErrorPanel
            title="Some Clients could not be loaded; the grid shows the first ones only"
            error={rest.error}
            onRetry={() => void rest.refetch()}
          />
        ) : null}
        <MatrixEditor
          policies={policies.data}
          clients={rows}
          loadingTotal={loadingMore ? (first.data?.total ?? rows.length) : undefined}
        />
      </>
    );
  }

  return (
    <section className="pm-page pm-page-wide" aria-labelledby="pm-title">
      <header className="pm-page-header">
        <h1 id="pm-title">Policy matrix</h1>
        <Link to={paths.policies()}>All policies</Link>
      </header>
      {body}
    </section>
  );
}
