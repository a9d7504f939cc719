import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { clientQueries, type ClientRecord } from '../../api/clients.ts';
import { useToast } from '../../components/ui/toast.tsx';
import { ClientsTable, TableSkeleton } from './clients-table.tsx';
import { buttonClass } from '../../components/ui/button.tsx';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { errorText } from '../../components/ui/error-text.ts';
import { ListStatus } from './list-status.tsx';
import { ListToolbar } from './list-toolbar.tsx';
import { readView, toListParams, writeView, type ListView } from './list-params.ts';
import { paths } from '../../routes/paths.ts';
import type { PendingAction } from './row-actions.tsx';
import './clients.css';

// Row actions (their dialogs and the mutation code) load on first use.
const RowActions = lazy(async () => ({ default: (await import('./row-actions.tsx')).RowActions }));

const SEARCH_DEBOUNCE_MS = 250;

export function ClientsListPage() {
  const [search, setSearch] = useSearchParams();
  const view = readView(search);
  const [searchText, setSearchText] = useState(view.q);
  const [syncedQ, setSyncedQ] = useState(view.q);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [action, setAction] = useState<PendingAction>();
  const queryClient = useQueryClient();
  const toast = useToast();

  // Deactivating is destructive: it asks first, showing what breaks, and then offers Undo.
  // Activating breaks nothing, so it runs at once. Outcomes are toasts, never lines left on the page.
  function onToggleActive(record: ClientRecord) {
    const id = record.client.id ?? '';
    if (record.client.active !== false) {
      setAction({ kind: 'deactivate', record });
      return;
    }
    void import('./client-mutations.ts')
      .then(({ setActiveNow }) =>
        setActiveNow(queryClient, { id, active: true, versionId: record.versionId ?? '*' }),
      )
      .then(
        () => toast.show(`${id} is active.`, 'success'),
        (e: unknown) => toast.show(`Could not activate ${id}: ${errorText(e)}`, 'error'),
      );
  }

  // The URL changed without us (back button, a shared link): show its search text.
  if (view.q !== syncedQ) {
    setSyncedQ(view.q);
    setSearchText(view.q);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  function update(patch: Partial<ListView>, replace = false) {
    setSearch(writeView({ ...view, page: 1, ...patch }), { replace });
  }

  function onSearchText(text: string) {
    setSearchText(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSyncedQ(text);
      // Typing replaces the history entry instead of adding one per keystroke.
      update({ q: text }, true);
    }, SEARCH_DEBOUNCE_MS);
  }

  function clearFilters() {
    clearTimeout(timer.current);
    setSearchText('');
    setSyncedQ('');
    setSearch(writeView({ ...readView(new URLSearchParams()), sort: view.sort }));
  }

  // The previous page stays on screen while the next one loads; the query's AbortSignal cancels
  // the request of a search term the user has already typed past.
  const query = useQuery({ ...clientQueries.list(toListParams(view)), placeholderData: keepPreviousData });
  const records: ClientRecord[] = query.data?.clients ?? [];

  return (
    <section className="cc-page" aria-labelledby="clients-heading">
      <header className="cc-page-header">
        <h1 id="clients-heading">Clients</h1>
        <Link className={buttonClass('primary')} to={paths.newClient()}>
          New Client
        </Link>
      </header>
      <ListToolbar
        view={view}
        searchText={searchText}
        onSearchText={onSearchText}
        onChange={(p) => update(p)}
      />
      {query.isPending ? (
        <TableSkeleton />
      ) : query.isError && !query.data ? (
        <ErrorPanel
          inline
          title="The Clients could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <ListStatus
          view={view}
          page={query.data}
          fetching={query.isFetching}
          onClear={clearFilters}
          onPage={(page) => update({ page })}
        >
          <ClientsTable
            records={records}
            busy={query.isFetching}
            sort={view.sort}
            onSort={(sort) => update({ sort })}
            onToggleActive={onToggleActive}
            onDelete={(record) => setAction({ kind: 'delete', record })}
          />
        </ListStatus>
      )}
      {action && (
        <Suspense fallback={null}>
          <RowActions action={action} onDone={() => setAction(undefined)} />
        </Suspense>
      )}
    </section>
  );
}
