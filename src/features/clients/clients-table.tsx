import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ClientRecord } from '../../api/clients.ts';
import { secretAge, type SecretAge } from '../../domain/secret-age.ts';
import { DateTime } from '../../components/ui/date-time.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import { accessLabel } from './client-view.ts';
import { Columns, COLUMNS, HeaderRow } from './clients-table-head.tsx';
import { paths } from '../../routes/paths.ts';
import type { SortKey } from './list-params.ts';
import type * as RiskColumn from './list-risks.tsx';
import { RowMenu } from './row-menu.tsx';

interface ClientsTableProps {
  records: ClientRecord[];
  busy: boolean;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  onToggleActive: (record: ClientRecord) => void;
  onDelete: (record: ClientRecord) => void;
}

/**
 * Rows are reached with one Tab stop (the first id link); ArrowUp/ArrowDown/Home/End move between
 * rows and Enter opens the Client, as a link does.
 */
export function ClientsTable({ records, busy, sort, onSort, onToggleActive, onDelete }: ClientsTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [risks, setRisks] = useState<RiskColumn.RowRisks>({ status: 'loading' });
  // One clock reading for the table's lifetime: every row ages against the same instant.
  const [now] = useState(Date.now);
  // The Risks column (the review rules, policies, Sessions, the badges) starts loading after the
  // first paint, so the rows never wait for it; each cell shows "…" until its findings are known.
  const [riskColumn, setRiskColumn] = useState<typeof RiskColumn>();
  useEffect(() => {
    let live = true;
    import('./list-risks.tsx').then(
      (m) => live && setRiskColumn(m),
      () => live && setRisks({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, []);

  function onRowKeyDown(event: React.KeyboardEvent, index: number) {
    const links = [...(body.current?.querySelectorAll<HTMLAnchorElement>('a[data-row-link]') ?? [])];
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: links.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const link = links[Math.max(0, Math.min(links.length - 1, target))];
    links.forEach((l) => (l.tabIndex = l === link ? 0 : -1));
    link?.focus();
  }

  return (
    <>
      {riskColumn && records.length > 0 && <riskColumn.RiskLoader records={records} onRisks={setRisks} />}
      <table className="cc-table cc-table-fixed" aria-busy={busy}>
        <Columns />
        <thead>
          <HeaderRow sort={sort} onSort={onSort} />
        </thead>
        <tbody ref={body}>
          {records.map((record, index) => {
            const c = record.client;
            const id = c.id ?? '';
            const findings = risks.status === 'ready' ? risks.byId.get(id) : undefined;
            return (
              <tr key={id}>
                <td>
                  <Link
                    to={paths.client({ id })}
                    data-row-link=""
                    tabIndex={index === 0 ? 0 : -1}
                    className="cc-mono"
                    onKeyDown={(e) => onRowKeyDown(e, index)}
                  >
                    {id}
                  </Link>
                </td>
                <td className="cc-clip" title={c.name}>
                  {c.name ?? <span className="cc-muted">—</span>}
                </td>
                <td>
                  {accessLabel(record)}
                  {c.type && <span className="cc-muted"> · {c.type}</span>}
                  <SecretAgeNote age={secretAge(record.client, record.hasSecret, now)} />
                </td>
                <td className="cc-clip" title={(c.grant_types ?? []).join(', ')}>
                  {(c.grant_types ?? []).join(', ') || <span className="cc-muted">none</span>}
                </td>
                <td>{c.active === false ? 'No' : 'Yes'}</td>
                <td>
                  <DateTime value={c.meta?.lastUpdated} />
                </td>
                <td>
                  {riskColumn && findings ? (
                    <riskColumn.RiskSummary clientId={id} findings={findings} />
                  ) : (
                    <RiskPending failed={risks.status === 'error'} />
                  )}
                </td>
                <td>
                  <RowMenu
                    clientId={id}
                    active={c.active !== false}
                    onToggleActive={() => onToggleActive(record)}
                    onDelete={() => onDelete(record)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The Risks cell until its findings are known; `failed`: the policies the rules need could not be read. */
function RiskPending({ failed }: { failed: boolean }) {
  return failed ? (
    <span className="cc-muted" title="The AccessPolicies could not be read, so the review rules cannot run">
      Unknown
    </span>
  ) : (
    <span className="cc-muted" aria-label="Checking risks">
      …
    </span>
  );
}

/** The secret's age from the rotation record (details.secretRotatedAt), old ones flagged. */
function SecretAgeNote({ age }: { age: SecretAge }) {
  if (age.kind === 'none') return null;
  if (age.kind === 'unrecorded') {
    return (
      <span className="cc-muted cc-secret-age" title="No rotation time recorded (details.secretRotatedAt)">
        secret age ?
      </span>
    );
  }
  const title = `Secret last rotated ${age.days} day${age.days === 1 ? '' : 's'} ago`;
  return (
    <span
      className={age.old ? 'cc-secret-age cc-secret-old' : 'cc-muted cc-secret-age'}
      title={age.old ? `${title}: older than a year, rotate it` : title}
    >
      secret {age.days} d
    </span>
  );
}

export function TableSkeleton() {
  return (
    <table className="cc-table cc-table-fixed" aria-busy="true" aria-label="Loading Clients">
      <Columns />
      <thead>
        <HeaderRow />
      </thead>
      <tbody>
        {Array.from({ length: 8 }, (_, i) => (
          <tr key={i}>
            {COLUMNS.map((c) => (
              <td key={c}>
                <Skeleton lines={1} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
