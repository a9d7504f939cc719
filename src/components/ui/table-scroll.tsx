// Wide tables scroll inside their own box, so the page itself never scrolls sideways on a phone.
// The box is a labelled, focusable region: keyboard users can scroll it with the arrow keys even
// when the table holds nothing focusable (axe: scrollable-region-focusable). The first column stays
// in view while scrolling (styles.css, .table-scroll).
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
