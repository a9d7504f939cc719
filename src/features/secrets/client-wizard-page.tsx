// The frame both rotation wizards share: read the Client first (so the impact is shown before any
// write), say plainly when it is missing or unreadable, and mount the wizard keyed by the Client's
// id, so another Client starts a fresh wizard, never one that still holds a secret or private key.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { clientQueries } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import type { ClientRecord } from '../../api/clients.ts';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { PageLoading } from '../../components/ui/spinner.tsx';
import { paths } from '../../routes/paths.ts';
import './secrets.css';

export interface WizardProps {
  record: ClientRecord;
  /** Re-reads the Client; its answer carries the fresh version. */
  onReload: () => Promise<{ data?: ClientRecord | undefined }>;
}

export function ClientWizardPage(props: {
  /** "Rotate the secret of", "Rotate the keys of": the Client's id follows. */
  action: string;
  wizard: (id: string, props: WizardProps) => ReactNode;
}) {
  const id = useParams().id ?? '';
  const query = useQuery(clientQueries.detail(id));
  const title = (
    <>
      {props.action} <span className="sx-mono">{id}</span>
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
      {props.wizard(id, { record: query.data, onReload: () => query.refetch() })}
    </section>
  );
}
