// /audit: every review rule over every Client and AccessPolicy, with filters, counts per severity,
// a link to the field to fix and to the history, and CSV/JSON evidence of exactly what is shown.
import { useQuery } from '@tanstack/react-query';
import { auditQueries } from '../../api/audit.ts';
import { policyQueries } from '../../api/policies.ts';
import { sessionQueries } from '../../api/sessions.ts';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { aidbox } from '../../api/aidbox-client.ts';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { Skeleton } from '../../components/ui/spinner.tsx';
import { evidenceFileName, findingsCsv, findingsJson } from '../../domain/evidence.ts';
import { lastSessionByClient, reviewAll, type Severity } from '../../domain/review-rules.ts';
import { AuditLayout, useReviewer } from './audit-layout.tsx';
import { downloadText } from './download.ts';
import { FindingsFilters } from './findings-filters.tsx';
import { filterFindings, readFindingsView, writeFindingsView, type FindingsView } from './findings-params.ts';
import { FindingsTable } from './findings-table.tsx';
import { ExportButtons } from './export-buttons.tsx';

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

export function FindingsPage() {
  const [search, setSearch] = useSearchParams();
  const view = readFindingsView(search);
  const clients = useQuery(auditQueries.clients());
  const policies = useQuery(policyQueries.list());
  const sessions = useQuery(sessionQueries.since(view.idle));
  const reviewer = useReviewer();
  // Ages are measured from when the page opened, so findings do not shift while one reads them.
  const [now] = useState(() => Date.now());

  const all = useMemo(() => {
    if (!clients.data || !policies.data) return undefined;
    return reviewAll({
      clients: clients.data,
      policies: policies.data,
      lastSession: sessions.data ? lastSessionByClient(sessions.data) : undefined,
      now,
      secretMaxAgeDays: view.age,
      idleDays: view.idle,
    });
  }, [clients.data, policies.data, sessions.data, view.age, view.idle, now]);

  const shown = useMemo(() => (all ? filterFindings(all, view) : []), [all, view]);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
    for (const f of shown) c[f.severity]++;
    return c;
  }, [shown]);
  const rules = useMemo(() => [...new Set((all ?? []).map((f) => f.rule))].sort(), [all]);

  function update(patch: Partial<FindingsView>) {
    setSearch(writeFindingsView({ ...view, ...patch }), { replace: true });
  }

  function exportAs(kind: 'csv' | 'json') {
    const generatedAt = new Date().toISOString();
    const name = evidenceFileName('findings', generatedAt, kind);
    if (kind === 'csv') downloadText(name, findingsCsv(shown), 'text/csv');
    else {
      const filters = Object.fromEntries(writeFindingsView(view));
      const context = { aidboxUrl: aidbox().baseUrl, reviewer, generatedAt };
      downloadText(name, findingsJson(shown, context, filters), 'application/json');
    }
  }

  const error = clients.error ?? policies.error;
  const exportButtons = <ExportButtons disabled={!all} onExport={exportAs} />;

  return (
    <AuditLayout title="Security findings" actions={exportButtons}>
      <FindingsFilters view={view} rules={rules} onChange={update} />
      {error ? (
        <ErrorPanel
          error={error}
          onRetry={() => {
            void clients.refetch();
            void policies.refetch();
          }}
        />
      ) : !all ? (
        <div role="status" aria-label="Loading findings">
          <Skeleton lines={6} />
        </div>
      ) : (
        <>
          <p className="au-counts" aria-live="polite">
            {SEVERITIES.map((s) => (
              <span key={s} className={`au-count au-sev-${s}`}>
                <strong>{counts[s]}</strong> {s}
              </span>
            ))}
            <span className="au-muted">
              {shown.length} of {all.length} findings · {clients.data?.length ?? 0} Clients,{' '}
              {policies.data?.length ?? 0} policies
              {sessions.error ? ' · Sessions could not be read: the idle rule is skipped' : ''}
            </span>
          </p>
          <FindingsTable findings={shown} />
        </>
      )}
    </AuditLayout>
  );
}
