import type { InputHTMLAttributes, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds, type FieldChrome } from './field.tsx';

export type CheckboxProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> & { ref?: Ref<HTMLInputElement> };

export function Checkbox({ label, help, error, required, warnings, id, ...input }: CheckboxProps) {
  const chrome = { label, help, error, required, warnings };
  const ids = useFieldIds(chrome, id);
  return (
    <FieldFrame chrome={chrome} ids={ids} inline>
      <input
        {...input}
        type="checkbox"
        id={ids.id}
        className="checkbox"
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectProps = FieldChrome &
  SelectHTMLAttributes<HTMLSelectElement> & {
    /** The choices as data; or write `<option>` children instead. */
    options?: readonly SelectOption[];
    /** Adds an empty first option with this text. */
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  };

export function Select({
  label,
  help,
  error,
  required,
  warnings,
  id,
  options,
  placeholder,
  className,
  children,
  ...select
}: SelectProps) {
  const chrome = { label, help, error, required, warnings };
  const ids = useFieldIds(chrome, id);
  return (
    <FieldFrame chrome={chrome} ids={ids}>
      <select
        {...select}
        id={ids.id}
        required={required}
        className={`input select ${className ?? ''}`}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </FieldFrame>
  );
}
