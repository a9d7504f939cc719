import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { clientQueries } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { PageLoading } from '../../components/ui/spinner.tsx';
import { paths } from '../../routes/paths.ts';
import { KeyRotationWizard } from './key-rotation-wizard.tsx';
import './secrets.css';
import './key-rotation.css';

/** `/clients/:id/rotate-keys`: a page beside secret rotation, so the impact is read before any write. */
export function RotateKeysPage() {
  const id = useParams().id ?? '';
  const query = useQuery(clientQueries.detail(id));
  const title = (
    <>
      Rotate the keys of <span className="sx-mono">{id}</span>
    </>
  );

  if (query.isPending) {
    return (
      <section className="sx-page" aria-busy="true">
        <h1>{title}</h1>
        <PageLoading label="Loading the Client…" />
      </section>
    );
  }
  if (query.isError) {
    const missing = isAidboxError(query.error) && query.error.kind === 'not-found';
    return (
      <section className="sx-page">
        <h1>{title}</h1>
        {missing ? (
          <div className="sx-callout sx-danger" role="alert">
            <p>Client {id} was not found. It may have been deleted.</p>
          </div>
        ) : (
          <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        )}
        <Link to={paths.clients()}>Back to Clients</Link>
      </section>
    );
  }
  return (
    <section className="sx-page" aria-labelledby="sx-title">
      <header className="sx-header">
        <h1 id="sx-title">{title}</h1>
        <Link to={paths.client({ id })}>Back to the Client</Link>
      </header>
      {/* Keyed by id: another Client starts a fresh wizard, never one holding a private key. */}
      <KeyRotationWizard key={id} record={query.data} onReload={() => query.refetch()} />
    </section>
  );
}
