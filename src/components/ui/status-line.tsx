// Feedback placed beside the action it reports on ("Linked.", "Nothing was changed: …"): a polite
// live region that is always mounted, so a screen reader hears each new message, and takes no room
// while empty. Outcomes whose subject leaves the screen (a deleted row, an Undo) are toasts instead
// (toast.tsx); everything else uses this.
import type { ReactNode } from 'react';

export function StatusLine({
  children,
  tone = 'info',
  className,
}: {
  children: ReactNode;
  tone?: 'info' | 'success';
  className?: string;
}) {
  return (
    <p role="status" className={`status-line status-line-${tone}${className ? ` ${className}` : ''}`}>
      {children}
    </p>
  );
}

/** What a lazy route shows while its code loads (react-router's fallback). */
export const ROUTE_LOADING = (
  <p role="status" className="status-line route-loading">
    Loading…
  </p>
);
