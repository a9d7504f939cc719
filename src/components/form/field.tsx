// Shared wiring for every form field: one label, help and error text tied to the control by
// aria-describedby, aria-invalid when there is an error. Tests find fields by their label.
import { useId, type ReactNode } from 'react';

export interface FieldChrome {
  label: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
  /** Shown after the label; the input itself carries `required`. */
  required?: boolean;
  /** Advice that does not block (a risky but allowed value), read out after the error. */
  warnings?: readonly string[] | undefined;
}

interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function useFieldIds(props: FieldChrome, ownId?: string): FieldIds & { helpId: string; errorId: string } {
  const generated = useId();
  const id = ownId ?? generated;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const warningIds = (props.warnings ?? []).map((_, i) => `${id}-warn-${i}`);
  const describedBy =
    [props.help ? helpId : '', props.error ? errorId : '', ...warningIds].filter(Boolean).join(' ') ||
    undefined;
  return { id, helpId, errorId, describedBy, invalid: Boolean(props.error) };
}

/**
 * Splits a field's props into its chrome (label, help, error, warnings) and the control's own
 * props, and gives the control its id and aria wiring, so each field component is only its control.
 *
 * @example const f = useField(props); <FieldFrame {...f.frame}><input {...f.control} {...f.aria} /></FieldFrame>
 */
export function useField<
  P extends FieldChrome & { id?: string | undefined; 'aria-describedby'?: string | undefined },
>(props: P) {
  const { label, help, error, required, warnings, id, 'aria-describedby': more, ...control } = props;
  const chrome: FieldChrome = { label, help, error, required, warnings };
  const ids = useFieldIds(chrome, id);
  return {
    frame: { chrome, ids },
    control,
    aria: {
      id: ids.id,
      required,
      'aria-invalid': ids.invalid || undefined,
      // The caller's own description (e.g. a message shown elsewhere) is kept, after the field's.
      'aria-describedby': [ids.describedBy, more].filter(Boolean).join(' ') || undefined,
    },
  };
}

export function FieldFrame({
  chrome,
  ids,
  children,
  inline = false,
}: {
  chrome: FieldChrome;
  ids: { id: string; helpId: string; errorId: string };
  children: ReactNode;
  inline?: boolean;
}) {
  return (
    <div className={`field${inline ? ' field-inline' : ''}${chrome.error ? ' field-invalid' : ''}`}>
      {inline ? children : null}
      <label htmlFor={ids.id} className="field-label">
        {chrome.label}
        {chrome.required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {inline ? null : children}
      {chrome.help ? (
        <p id={ids.helpId} className="field-help">
          {chrome.help}
        </p>
      ) : null}
      {chrome.error ? (
        <p id={ids.errorId} className="field-error">
          {chrome.error}
        </p>
      ) : null}
      {chrome.warnings?.map((w, i) => (
        <p key={w} id={`${ids.id}-warn-${i}`} className="field-warning">
          ⚠ {w}
        </p>
      ))}
    </div>
  );
}
