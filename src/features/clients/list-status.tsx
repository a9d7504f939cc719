import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClientListPage } from '../../api/clients.ts';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import { hasFilters, rangeLabel, type ListView } from './list-params.ts';
import { toNewClient } from './links.ts';

interface ListStatusProps {
  view: ListView;
  page: ClientListPage | undefined;
  fetching: boolean;
  onClear: () => void;
  onPage: (page: number) => void;
  children: ReactNode;
}

/** Empty states (no Clients at all vs no matches) and the pager around the table. */
export function ListStatus({ view, page, fetching, onClear, onPage, children }: ListStatusProps) {
  const shown = page?.clients.length ?? 0;
  if (page && shown === 0 && view.page === 1) {
    return hasFilters(view) ? (
      <div className="cc-empty" role="status">
        <h2>No Clients match</h2>
        <p>Nothing matches this search and these filters.</p>
        <button type="button" onClick={onClear}>
          Clear search and filters
        </button>
      </div>
    ) : (
      <div className="cc-empty" role="status">
        <h2>No Clients yet</h2>
        <p>A Client is an application allowed to ask Aidbox for tokens.</p>
        <Link className="cc-button cc-primary" to={toNewClient()}>
          Create the first Client
        </Link>
      </div>
    );
  }
  const total = page?.total;
  const lastPage = total === undefined ? undefined : Math.max(1, Math.ceil(total / (page?.count ?? 50)));
  return (
    <>
      <TableScroll label="Clients table">{children}</TableScroll>
      <nav className="cc-pager" aria-label="Pages">
        <p role="status" aria-live="polite">
          {page ? rangeLabel(view.page, page.count, shown, total) : ''}
          {fetching && <span className="cc-muted"> · updating…</span>}
        </p>
        <button type="button" disabled={view.page <= 1} onClick={() => onPage(view.page - 1)}>
          Previous
        </button>
        <button
          type="button"
          disabled={!(page?.hasNext === true || (lastPage !== undefined && view.page < lastPage))}
          onClick={() => onPage(view.page + 1)}
        >
          Next
        </button>
      </nav>
    </>
  );
}
