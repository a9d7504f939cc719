import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClientListPage } from '../../api/clients.ts';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import { hasFilters, rangeLabel, type ListView } from './list-params.ts';
import { paths } from '../../routes/paths.ts';

interface ListStatusProps {
  view: ListView;
  page: ClientListPage | undefined;
  fetching: boolean;
  onClear: () => void;
  onPage: (page: number) => void;
  children: ReactNode;
}

/**
 * Empty states (no Clients at all, no matches, a page past the end), a visible "Updating…" while a
 * new page or search loads, and the pager around the table.
 */
export function ListStatus({ view, page, fetching, onClear, onPage, children }: ListStatusProps) {
  const shown = page?.clients.length ?? 0;
  const total = page?.total;
  const lastPage = total === undefined ? undefined : Math.max(1, Math.ceil(total / (page?.count ?? 50)));
  if (page && shown === 0 && view.page === 1) {
    return hasFilters(view) ? (
      <EmptyState
        live
        title="No Clients match"
        action={<Button onClick={onClear}>Clear search and filters</Button>}
      >
        Nothing matches this search and these filters.
      </EmptyState>
    ) : (
      <EmptyState
        live
        title="No Clients yet"
        action={
          <Link className={buttonClass('primary')} to={paths.newClient()}>
            Create the first Client
          </Link>
        }
      >
        A Client is an application allowed to ask Aidbox for tokens.
      </EmptyState>
    );
  }
  if (page && shown === 0 && !fetching) {
    // A shared link or a delete can leave the URL on a page that no longer exists.
    const target = lastPage ?? 1;
    return (
      <EmptyState
        live
        title={`Page ${view.page} is past the end`}
        action={
          <Button onClick={() => onPage(target)}>
            {lastPage === undefined ? 'Go to the first page' : `Go to the last page (${target})`}
          </Button>
        }
      >
        {total === undefined
          ? 'There are fewer Clients than this page needs.'
          : `${total} Client${total === 1 ? '' : 's'} fit on ${target} page${target === 1 ? '' : 's'}.`}
      </EmptyState>
    );
  }
  const hasPrevious = view.page > 1;
  const hasNext = page?.hasNext === true || (lastPage !== undefined && view.page < lastPage);
  return (
    <>
      {/* Always takes its line, so the table does not jump when it appears. */}
      <div className="cc-updating-slot">
        {fetching && (
          <span className="cc-updating">
            <Spinner size="sm" /> Updating…
          </span>
        )}
      </div>
      <TableScroll label="Clients table">{children}</TableScroll>
      <nav className="cc-pager" aria-label="Pages">
        <p role="status" aria-live="polite">
          {page ? rangeLabel(view.page, page.count, shown, total) : ''}
          {fetching && <span className="visually-hidden"> · updating</span>}
        </p>
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page
            when the last page is reached; this one keeps it and simply does nothing. */}
        <Button aria-disabled={!hasPrevious} onClick={() => hasPrevious && onPage(view.page - 1)}>
          Previous
        </Button>
        <Button aria-disabled={!hasNext} onClick={() => hasNext && onPage(view.page + 1)}>
          Next
        </Button>
      </nav>
    </>
  );
}
