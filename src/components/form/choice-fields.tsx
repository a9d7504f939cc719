import type { InputHTMLAttributes, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useField, type FieldChrome } from './field.tsx';

export type CheckboxProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> & { ref?: Ref<HTMLInputElement> };

export function Checkbox(props: CheckboxProps) {
  const f = useField(props);
  return (
    <FieldFrame {...f.frame} inline>
      <input {...f.control} {...f.aria} type="checkbox" className="checkbox" />
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

export function Select({ options, placeholder, className, children, ...props }: SelectProps) {
  const f = useField(props);
  return (
    <FieldFrame {...f.frame}>
      <select {...f.control} {...f.aria} className={`input select ${className ?? ''}`}>
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
