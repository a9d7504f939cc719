// The pinned Client and Global columns of the matrix shrink on a phone, or they would fill the
// whole screen and leave no room for a single policy column.
import { useSyncExternalStore } from 'react';

const PINNED = { wide: { client: 260, global: 96 }, narrow: { client: 132, global: 60 } };
const NARROW = '(max-width: 600px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isNarrow = () => window.matchMedia(NARROW).matches;

/** Widths in px of the pinned columns for the current viewport; follows resizes. */
export function usePinnedWidths(): { client: number; global: number } {
  return useSyncExternalStore(subscribe, isNarrow) ? PINNED.narrow : PINNED.wide;
}
