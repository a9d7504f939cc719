// Native <dialog> opened with showModal(): the browser makes the rest of the page inert (focus
// trap), Escape fires `cancel`. We add labelling and return focus to where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called on Escape, the close button, or a backdrop-free dismissal. */
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Hide the × button and ignore Escape (e.g. while a save is in flight). */
  dismissible?: boolean;
  size?: 'sm' | 'md' | 'lg';
  /** Element to focus when opened; defaults to the first focusable inside the body. */
  initialFocusRef?: React.RefObject<HTMLElement | null>;
}

export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  dismissible = true,
  size = 'md',
  initialFocusRef,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target =
      initialFocusRef?.current ??
      dialog.querySelector<HTMLElement>(
        '[data-autofocus], input, select, textarea, .dialog-body button, .dialog-footer button',
      );
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, [open, initialFocusRef]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // we own closing, so React state and the element never disagree
        if (dismissible) onCloseRef.current();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {dismissible ? (
          <button
            type="button"
            className="icon-button"
            aria-label="Close"
            onClick={() => onCloseRef.current()}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}
