// Form fields that own their label, help, error and the aria wiring between them, so tests and
// assistive tech find every field by its label (architecture §4 Forms).
import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

interface FieldChrome {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  warnings?: string[];
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function Messages({ id, help, error, warnings }: FieldChrome & { id: string }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="cc-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="cc-error">
          {error}
        </p>
      )}
      {warnings?.map((w, i) => (
        <p key={w} id={`${id}-warn-${i}`} className="cc-warning">
          ⚠ {w}
        </p>
      ))}
    </>
  );
}

function aria(id: string, chrome: FieldChrome) {
  return {
    'aria-invalid': chrome.error ? true : undefined,
    'aria-describedby': describedBy([
      chrome.help !== undefined && `${id}-help`,
      chrome.error !== undefined && `${id}-error`,
      ...(chrome.warnings ?? []).map((_, i) => `${id}-warn-${i}`),
    ]),
  };
}

type InputProps = FieldChrome & Omit<ComponentPropsWithRef<'input'>, 'id'>;

export function TextField({ label, help, error, warnings, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="cc-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...aria(id, { label, help, error, warnings })} {...input} />
      <Messages id={id} label={label} help={help} error={error} warnings={warnings} />
    </div>
  );
}

type AreaProps = FieldChrome & Omit<ComponentPropsWithRef<'textarea'>, 'id'>;

export function TextAreaField({ label, help, error, warnings, ...area }: AreaProps) {
  const id = useId();
  return (
    <div className="cc-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} {...aria(id, { label, help, error, warnings })} {...area} />
      <Messages id={id} label={label} help={help} error={error} warnings={warnings} />
    </div>
  );
}

export function CheckField({ label, help, error, warnings, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="cc-field">
      <label className="cc-check" htmlFor={id}>
        <input id={id} type="checkbox" {...aria(id, { label, help, error, warnings })} {...input} />
        {label}
      </label>
      <Messages id={id} label={label} help={help} error={error} warnings={warnings} />
    </div>
  );
}

type SelectProps = FieldChrome & Omit<ComponentPropsWithRef<'select'>, 'id'>;

export function SelectField({ label, help, error, warnings, children, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="cc-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...aria(id, { label, help, error, warnings })} {...select}>
        {children}
      </select>
      <Messages id={id} label={label} help={help} error={error} warnings={warnings} />
    </div>
  );
}
