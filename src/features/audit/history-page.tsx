// /audit/history/:type/:id — the shared history view (components/history) inside the audit layout,
// reached from a finding. The Client editor and the policy page show the same view in a tab.
import { Link, useParams } from 'react-router';
import type { AuditedType } from '../../api/history.ts';
import { HistoryView } from '../../components/history/history-view.tsx';
import { paths } from '../../routes/paths.ts';
import { AuditLayout } from './audit-layout.tsx';

export function HistoryPage() {
  const params = useParams();
  const type: AuditedType = params.type === 'AccessPolicy' ? 'AccessPolicy' : 'Client';
  const id = params.id ?? '';
  return (
    <AuditLayout title={`History of ${type === 'Client' ? 'Client' : 'policy'} ${id}`}>
      <p>
        <Link to={type === 'Client' ? paths.client({ id }) : paths.policy({ id })}>Open {id}</Link>
      </p>
      <HistoryView type={type} id={id} />
    </AuditLayout>
  );
}
