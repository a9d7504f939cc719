// A list of strings (scopes, audiences, allowed origins): one input per item, add and remove.
// Controlled: use with react-hook-form's <Controller>. Errors per item via `itemErrors`.
import { useId, useRef } from 'react';
import { Button } from '../ui/button.tsx';
import type { FieldChrome } from './field.tsx';

export type StringListFieldProps = FieldChrome & {
  value: readonly string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  name?: string;
  /** Per-item errors, by index (react-hook-form's `errors.scope?.[i]?.message`). */
  itemErrors?: ReadonlyArray<string | undefined>;
  addLabel?: string;
  placeholder?: string;
  disabled?: boolean;
};

export function StringListField({
  label,
  help,
  error,
  value,
  onChange,
  onBlur,
  name,
  itemErrors = [],
  addLabel = 'Add',
  placeholder,
  disabled,
}: StringListFieldProps) {
  const base = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  const labelId = `${base}-label`;

  function focusItem(index: number) {
    // after React commits the new row
    queueMicrotask(() => listRef.current?.querySelectorAll('input')[index]?.focus());
  }

  return (
    <fieldset
      className={`field string-list${error ? ' field-invalid' : ''}`}
      aria-describedby={[help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend id={labelId} className="field-label">
        {label}
      </legend>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ul ref={listRef} className="string-list-items">
        {value.map((item, i) => {
          const itemError = itemErrors[i];
          const itemId = `${base}-item-${i}`;
          return (
            <li key={i} className="string-list-item">
              <input
                id={itemId}
                name={name ? `${name}.${i}` : undefined}
                className="input"
                value={item}
                placeholder={placeholder}
                disabled={disabled}
                aria-label={`${typeof label === 'string' ? label : 'Item'} ${i + 1}`}
                aria-invalid={itemError ? true : undefined}
                aria-describedby={itemError ? `${itemId}-error` : undefined}
                onBlur={onBlur}
                onChange={(e) => onChange(value.map((v, j) => (j === i ? e.target.value : v)))}
              />
              <Button
                size="sm"
                variant="ghost"
                disabled={disabled}
                aria-label={`Remove ${typeof label === 'string' ? label : 'item'} ${i + 1}`}
                onClick={() => {
                  onChange(value.filter((_, j) => j !== i));
                  focusItem(Math.max(0, i - 1));
                }}
              >
                Remove
              </Button>
              {itemError ? (
                <p id={`${itemId}-error`} className="field-error">
                  {itemError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Button
        size="sm"
        disabled={disabled}
        onClick={() => {
          onChange([...value, '']);
          focusItem(value.length);
        }}
      >
        {addLabel}
      </Button>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
