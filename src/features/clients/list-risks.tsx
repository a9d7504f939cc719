// The Risks column's data, loaded once the first rows are on screen (clients-table.tsx). Findings
// come from the security review's own rules (`reviewClient`), with the same policies, Sessions and
// settings, so the list and the review agree.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ClientRecord } from '../../api/clients.ts';
import { policyQueries } from '../../api/policies.ts';
import { sessionQueries } from '../../api/sessions.ts';
import {
  DEFAULT_SETTINGS,
  lastSessionByClient,
  reviewClient,
  type ReviewFinding,
} from '../../domain/review-rules.ts';
import { policyReach } from '../../domain/review-rules-policy.ts';

// The badges come with the data: the table loads this module once its rows are on screen.
export { RiskSummary } from './risk-badges.tsx';

export type RowRisks =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; byId: ReadonlyMap<string, ReviewFinding[]> };

/** Renders nothing: computes every shown row's findings and hands them up. */
export function RiskLoader({
  records,
  onRisks,
}: {
  records: readonly ClientRecord[];
  onRisks: (risks: RowRisks) => void;
}) {
  const policies = useQuery(policyQueries.list());
  const sessions = useQuery(sessionQueries.since(DEFAULT_SETTINGS.idleDays));
  // Ages against one instant, like the review page does.
  const [now] = useState(Date.now);

  const risks = useMemo((): RowRisks => {
    if (policies.isError) return { status: 'error' };
    // Sessions that cannot be read skip the idle rule, as on the review page.
    if (!policies.data || sessions.isPending) return { status: 'loading' };
    const reach = policyReach(policies.data);
    const lastSession = sessions.data ? lastSessionByClient(sessions.data) : undefined;
    const settings = { ...DEFAULT_SETTINGS, now, lastSession };
    const byId = new Map<string, ReviewFinding[]>();
    for (const record of records) {
      const id = record.client.id ?? '';
      byId.set(id, reviewClient(record, settings, reach.get(id) ?? []));
    }
    return { status: 'ready', byId };
  }, [policies.isError, policies.data, sessions.isPending, sessions.data, records, now]);

  useEffect(() => onRisks(risks), [risks, onRisks]);
  return null;
}
