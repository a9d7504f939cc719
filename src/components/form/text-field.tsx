import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds, type FieldChrome } from './field.tsx';

export type TextFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input; spread react-hook-form's `register(...)` into it. */
export function TextField({
  label,
  help,
  error,
  required,
  warnings,
  id,
  className,
  ...input
}: TextFieldProps) {
  const chrome = { label, help, error, required, warnings };
  const ids = useFieldIds(chrome, id);
  return (
    <FieldFrame chrome={chrome} ids={ids}>
      <input
        type="text"
        {...input}
        id={ids.id}
        required={required}
        className={`input ${className ?? ''}`}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}

export type TextAreaProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextArea({
  label,
  help,
  error,
  required,
  warnings,
  id,
  className,
  rows = 3,
  ...input
}: TextAreaProps) {
  const chrome = { label, help, error, required, warnings };
  const ids = useFieldIds(chrome, id);
  return (
    <FieldFrame chrome={chrome} ids={ids}>
      <textarea
        rows={rows}
        {...input}
        id={ids.id}
        required={required}
        className={`input textarea ${className ?? ''}`}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}
