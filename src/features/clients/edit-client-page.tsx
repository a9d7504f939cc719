import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { clientQueries } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import { ClientEditor } from './client-editor.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { paths } from '../../routes/paths.ts';
import './clients.css';

/** `/clients/:id`: the editor renders only once the Client is loaded. */
export function EditClientPage() {
  const id = useParams().id ?? '';
  const query = useQuery(clientQueries.detail(id));

  if (query.isPending) {
    return (
      <section className="cc-page" aria-busy="true">
        <h1>Client {id}</h1>
        <p className="cc-muted" role="status">
          Loading…
        </p>
      </section>
    );
  }
  if (query.isError) {
    const missing = isAidboxError(query.error) && query.error.kind === 'not-found';
    return (
      <section className="cc-page">
        <h1>{missing ? `Client ${id} was not found` : `Client ${id}`}</h1>
        <ErrorPanel
          inline
          title={missing ? undefined : 'The Client could not be loaded'}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
        <Link to={paths.clients()}>Back to Clients</Link>
      </section>
    );
  }
  // Keyed by id: opening another Client starts a fresh editor, never one seeded with old state.
  return <ClientEditor key={id} record={query.data} />;
}
