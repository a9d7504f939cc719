// The security review's findings for the Client being edited, shown when the editor opens (issue
// 14 §4): the same rules, policies and Sessions as the review and the list's Risks column.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ClientRecord } from '../../api/clients.ts';
import { policyQueries } from '../../api/policies.ts';
import { sessionQueries } from '../../api/sessions.ts';
import { DEFAULT_SETTINGS, lastSessionByClient, reviewClient } from '../../domain/review-rules.ts';
import { policyReach } from '../../domain/review-rules-policy.ts';
import { paths } from '../../routes/paths.ts';
import { highestSeverity } from './risk-badges.tsx';

const ORDER = { high: 0, medium: 1, low: 2 } as const;

export function ClientFindingsBanner({ record }: { record: ClientRecord }) {
  const id = record.client.id ?? '';
  const policies = useQuery(policyQueries.list());
  const sessions = useQuery(sessionQueries.since(DEFAULT_SETTINGS.idleDays));
  const [now] = useState(Date.now);

  const findings = useMemo(() => {
    if (!policies.data || sessions.isPending) return undefined;
    const lastSession = sessions.data ? lastSessionByClient(sessions.data) : undefined;
    const linked = policyReach(policies.data).get(id) ?? [];
    return reviewClient(record, { ...DEFAULT_SETTINGS, now, lastSession }, linked).sort(
      (a, b) => ORDER[a.severity] - ORDER[b.severity],
    );
  }, [policies.data, sessions.isPending, sessions.data, id, record, now]);

  const top = findings && highestSeverity(findings);
  if (!findings || !top) return null;
  return (
    <section
      className={`cc-callout ${top === 'high' ? 'cc-callout-danger' : 'cc-callout-warn'} cc-findings`}
      aria-labelledby="client-findings-heading"
    >
      <h2 id="client-findings-heading">
        Security review: {findings.length} finding{findings.length === 1 ? '' : 's'}
      </h2>
      <ul>
        {findings.map((f) => (
          <li key={f.key}>
            <span className={`cc-badge cc-badge-${f.severity}`}>{f.severity}</span> <strong>{f.title}</strong>
            . {f.detail}{' '}
            {f.path && (
              <Link to={paths.client({ id }, { field: f.path })} replace>
                Fix <span className="cc-mono">{f.path}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link to={paths.audit({ client: id })}>Open in the security review</Link>
      </p>
    </section>
  );
}
