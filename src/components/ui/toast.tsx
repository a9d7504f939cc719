// Toasts plus a polite live region: every toast is also announced to screen readers.
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'success' | 'error';
/** One follow-up the toast offers, e.g. Undo after a deactivation. */
export interface ToastAction {
  label: string;
  onClick: () => void;
}
interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
  action: ToastAction | undefined;
}
interface ToastApi {
  show: (message: string, tone?: ToastTone, action?: ToastAction) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 5_000;
// A toast that offers an action (Undo) stays long enough to read it, reach the button and press it.
const ACTION_TOAST_MS = 15_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (message: string, tone: ToastTone = 'info', action?: ToastAction) => {
      const id = nextId.current++;
      setItems((all) => [...all.slice(-3), { id, tone, message, action }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), action ? ACTION_TOAST_MS : TOAST_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext value={api}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications">
        <div aria-live="polite" aria-atomic="false">
          {items.map((t) => (
            <div
              key={t.id}
              className={`toast toast-${t.tone}`}
              role={t.tone === 'error' ? 'alert' : 'status'}
            >
              <span className="toast-message">{t.message}</span>
              {t.action && (
                <button
                  type="button"
                  className="toast-action"
                  onClick={() => {
                    dismiss(t.id);
                    t.action?.onClick();
                  }}
                >
                  {t.action.label}
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label="Dismiss notification"
                onClick={() => dismiss(t.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
        </div>
      </div>
    </ToastContext>
  );
}

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
