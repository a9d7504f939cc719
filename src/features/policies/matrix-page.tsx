// `/policies/matrix`: loads every policy and every Client row (large pages), then the editor.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { policyQueries } from '../../api/policies.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { MatrixEditor } from './matrix-editor.tsx';
import { toPolicies } from './links.ts';
import './policies.css';

export function MatrixPage() {
  const policies = useQuery(policyQueries.list());
  const clients = useQuery(policyQueries.matrixClients());

  let body;
  if (policies.isError || clients.isError) {
    body = (
      <ErrorPanel
        title="The policy matrix could not be loaded"
        error={policies.error ?? clients.error}
        onRetry={() => {
          void policies.refetch();
          void clients.refetch();
        }}
      />
    );
  } else if (!policies.data || !clients.data) {
    body = (
      <div className="pm-loading" role="status" aria-live="polite">
        <Spinner /> Loading policies and Clients…
      </div>
    );
  } else if (policies.data.length === 0 || clients.data.length === 0) {
    body = (
      <EmptyState title={policies.data.length === 0 ? 'No AccessPolicies yet' : 'No Clients yet'}>
        The matrix shows which AccessPolicy links which Client; it needs at least one of each.
      </EmptyState>
    );
  } else {
    body = <MatrixEditor policies={policies.data} clients={clients.data} />;
  }

  return (
    <section className="pm-page pm-page-wide" aria-labelledby="pm-title">
      <header className="pm-page-header">
        <h1 id="pm-title">Policy matrix</h1>
        <Link to={toPolicies()}>All policies</Link>
      </header>
      {body}
    </section>
  );
}
