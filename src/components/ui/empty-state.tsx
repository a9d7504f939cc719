import type { ReactNode } from 'react';

/**
 * Nothing to show, why, and the way on. `live` announces it (role=status) for a state that appears
 * after the user's own action, e.g. a search that matches nothing.
 */
export function EmptyState({
  title,
  children,
  action,
  live = false,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  live?: boolean;
}) {
  return (
    <div className="empty-state" role={live ? 'status' : undefined}>
      <h2 className="empty-state-title">{title}</h2>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
