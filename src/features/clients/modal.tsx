// A small modal for this feature's confirmations (the shared UI kit had no Dialog when this was
// written). Focus moves into it, Escape closes it, and focus returns to where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons row. */
  actions: ReactNode;
}

export function Modal({ title, onClose, children, actions }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const node = panel.current;
    const previous = document.activeElement as HTMLElement | null;
    node?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    // A native listener: the dialog element itself is not interactive, its keys are.
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeRef.current();
      }
      if (event.key === 'Tab') trapFocus(event, node);
    }
    node?.addEventListener('keydown', onKeyDown);
    return () => {
      node?.removeEventListener('keydown', onKeyDown);
      previous?.focus();
    };
  }, []);

  return (
    <div className="cc-backdrop">
      <div ref={panel} className="cc-modal" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="cc-actions">{actions}</div>
      </div>
    </div>
  );
}

function trapFocus(event: KeyboardEvent, root: HTMLElement | null) {
  const items = root?.querySelectorAll<HTMLElement>('input, textarea, select, button, a[href]');
  if (!items || items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}
