// `/policies/:id`: what the policy links (Clients, Users, Operations) and its JSON, as text; its
// versions in a History tab (`?tab=history`, so the tab can be linked to).
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isAidboxError } from '../../api/errors.ts';
import { policyQueries } from '../../api/policies.ts';
import { HistoryView } from '../../components/history/history-view.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { toColumn } from '../../domain/matrix.ts';
import { paths } from '../../routes/paths.ts';
import { kindLabel, mixedExplanation } from './matrix-header.tsx';
import { matrixQuery } from './matrix-params.ts';
import './policies.css';

function LinkList(props: {
  title: string;
  ids: readonly string[];
  href?: (id: string) => string;
  empty: string;
}) {
  return (
    <section aria-label={props.title}>
      <h2>
        {props.title} ({props.ids.length})
      </h2>
      {props.ids.length === 0 ? (
        <p className="pm-muted pm-small">{props.empty}</p>
      ) : (
        <ul>
          {props.ids.map((id) => (
            <li key={id} className="pm-mono">
              {props.href ? <Link to={props.href(id)}>{id}</Link> : id}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PolicyPage() {
  const id = useParams().id ?? '';
  const query = useQuery(policyQueries.detail(id));
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'history' ? 'history' : 'overview';

  let body;
  if (query.isPending) {
    body = (
      <div className="pm-loading" role="status">
        <Spinner /> Loading…
      </div>
    );
  } else if (query.isError) {
    const missing = isAidboxError(query.error) && query.error.kind === 'not-found';
    body = (
      <ErrorPanel
        title={missing ? `Policy ${id} was not found` : undefined}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    const p = toColumn(query.data);
    body = (
      <>
        <p>
          <strong>{query.data.engine ?? 'no engine'}</strong> · {kindLabel(p)}
          {p.versionId ? <span className="pm-muted"> · version {p.versionId}</span> : null}
        </p>
        {p.description ? <p>{p.description}</p> : null}
        {p.kind === 'global' ? (
          <p className="pm-callout pm-callout-warn">
            No link: this policy is global and runs on every request.
          </p>
        ) : null}
        {p.kind === 'mixed' ? (
          <p className="pm-callout pm-callout-warn">⚠ Mixed link. {mixedExplanation(p)}</p>
        ) : null}
        <div className="pm-links">
          <LinkList
            title="Clients"
            ids={p.clientIds}
            href={(clientId) => paths.client({ id: clientId })}
            empty="No Client linked."
          />
          <LinkList title="Users" ids={p.userIds} empty="No User linked." />
          <LinkList title="Operations" ids={p.operationIds} empty="No Operation linked." />
        </div>
        <p>
          <Link to={paths.policyMatrix(matrixQuery({ policyText: id }))}>
            Edit its Client links in the matrix
          </Link>
        </p>
        <h2>JSON</h2>
        {/* Rendered as text: descriptions and rules are untrusted. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable block must be reachable by keyboard (axe scrollable-region-focusable) */}
        <pre className="pm-json" tabIndex={0} aria-label={`JSON of ${id}`}>
          {JSON.stringify(query.data, null, 2)}
        </pre>
      </>
    );
  }

  return (
    <section className="pm-page" aria-labelledby="pp-title">
      <header className="pm-page-header">
        <h1 id="pp-title">
          AccessPolicy <span className="pm-mono">{id}</span>
        </h1>
        <Link to={paths.policies()}>All policies</Link>
      </header>
      <Tabs
        label="Policy views"
        value={tab}
        onChange={(next) => setSearch(next === 'history' ? { tab: 'history' } : {}, { replace: true })}
        items={[
          { id: 'overview', label: 'Overview', content: body },
          { id: 'history', label: 'History', content: <HistoryView type="AccessPolicy" id={id} /> },
        ]}
      />
    </section>
  );
}
