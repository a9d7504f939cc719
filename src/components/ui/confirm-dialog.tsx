import { useId, useState, type ReactNode } from 'react';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until exactly this text is typed. */
  confirmText?: string;
  tone?: 'danger' | 'primary';
  busy?: boolean;
  /** `md` for a confirmation that lists an impact; short questions stay `sm`. */
  size?: 'sm' | 'md';
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmText,
  tone = 'danger',
  busy = false,
  size = 'sm',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = confirmText === undefined || typed === confirmText;
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      dismissible={!busy}
      size={size}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant={tone}
            loading={busy}
            disabled={!matches}
            onClick={() => {
              if (matches) onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {confirmText !== undefined ? (
        <form
          className="confirm-type"
          onSubmit={(e) => {
            e.preventDefault();
            if (matches && !busy) onConfirm();
          }}
        >
          <label htmlFor={inputId}>
            Type <code>{confirmText}</code> to confirm
          </label>
          <input
            id={inputId}
            className="input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
          />
        </form>
      ) : null}
    </Dialog>
  );
}
