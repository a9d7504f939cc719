// The frame of every audit screen: title, sub-navigation, and the report header that only the
// printed page shows (Aidbox URL, time, reviewer — issue 7 §6).
import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { aidbox } from '../../api/aidbox-client.ts';
import { useCurrentUser } from '../../auth/auth-context.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DateTime } from '../../components/ui/date-time.tsx';
import { paths } from '../../routes/paths.ts';
import './audit.css';

export function AuditLayout({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const user = useCurrentUser();
  // When this screen was opened: the report says when its figures were read.
  const [openedAt] = useState(() => Date.now());
  const reviewer = user
    ? user.email && user.email !== user.name
      ? `${user.name} <${user.email}>`
      : user.name
    : '—';
  return (
    <div className="au-page">
      <div className="au-print-header">
        <p className="au-print-title">Aidbox security review — {title}</p>
        <dl className="au-print-meta">
          <dt>Aidbox</dt>
          <dd>{aidbox().baseUrl}</dd>
          <dt>Printed</dt>
          <dd>
            {/* Evidence: the reader's format, and the exact ISO 8601 instant for the record. */}
            <DateTime value={openedAt} /> ({new Date(openedAt).toISOString()})
          </dd>
          <dt>Reviewer</dt>
          <dd>{reviewer}</dd>
        </dl>
      </div>
      <div className="au-head">
        <h1>{title}</h1>
        <div className="au-head-actions">
          {actions}
          <Button size="sm" onClick={() => window.print()}>
            Print report
          </Button>
        </div>
      </div>
      <nav aria-label="Security review" className="au-subnav">
        <NavLink to={paths.audit()} end>
          Findings
        </NavLink>
        <NavLink to={paths.auditAccess()}>Effective access</NavLink>
        <NavLink to={paths.auditWho()}>Who can…</NavLink>
      </nav>
      {children}
    </div>
  );
}

/** The reviewer's name for evidence files. */
export function useReviewer(): string {
  const user = useCurrentUser();
  return user?.name ?? 'unknown';
}
