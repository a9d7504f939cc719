// A disclosure for the header on narrow screens: one button (aria-expanded, aria-controls) shows or
// hides a panel. On wide screens CSS shows the panel inline and hides the button, so the same
// markup serves both (no second copy of the navigation for screen readers to meet twice).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface CollapsibleMenuProps {
  /** The button's accessible name, e.g. "Menu". */
  label: string;
  /** Any change of this value closes the panel (pass the location, so following a link closes it). */
  closeKey: string;
  className?: string;
  children: ReactNode;
}

export function CollapsibleMenu({ label, closeKey, className, children }: CollapsibleMenuProps) {
  const [open, setOpen] = useState(false);
  const [lastKey, setLastKey] = useState(closeKey);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // Close on navigation: derived during render instead of an effect, so no stale frame shows it open.
  if (lastKey !== closeKey) {
    setLastKey(closeKey);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={rootRef} className={`collapsible-menu ${className ?? ''}`} data-open={open || undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-secondary btn-sm collapsible-menu-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="collapsible-menu-icon" aria-hidden="true" />
        <span>{label}</span>
      </button>
      <div id={panelId} className="collapsible-menu-panel">
        {children}
      </div>
    </div>
  );
}
