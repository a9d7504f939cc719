import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useField, type FieldChrome } from './field.tsx';

export type TextFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input; spread react-hook-form's `register(...)` into it. */
export function TextField({ className, ...props }: TextFieldProps) {
  const f = useField(props);
  return (
    <FieldFrame {...f.frame}>
      <input type="text" {...f.control} {...f.aria} className={`input ${className ?? ''}`} />
    </FieldFrame>
  );
}

export type TextAreaProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextArea({ className, rows = 3, ...props }: TextAreaProps) {
  const f = useField(props);
  return (
    <FieldFrame {...f.frame}>
      <textarea rows={rows} {...f.control} {...f.aria} className={`input textarea ${className ?? ''}`} />
    </FieldFrame>
  );
}
