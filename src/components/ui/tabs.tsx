// WAI-ARIA tabs (automatic activation): arrow keys, Home and End move between tabs.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string = string> {
  id: T;
  label: ReactNode;
  /** The panel's content; without it the panel shows the Tabs' children (one switch for all tabs). */
  content?: ReactNode;
}

export function Tabs<T extends string>({
  items,
  value,
  onChange,
  label,
  idBase,
  children,
}: {
  items: TabItem<T>[];
  value: T;
  onChange: (id: T) => void;
  label: string;
  /** Stable ids (`<idBase>-tab-<id>`, `<idBase>-panel-<id>`) for code that finds a panel's fields. */
  idBase?: string;
  children?: ReactNode;
}) {
  const generated = useId();
  const base = idBase ?? generated;
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const index = Math.max(
    0,
    items.findIndex((t) => t.id === value),
  );

  function onKeyDown(event: KeyboardEvent) {
    const last = items.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % items.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + items.length) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const id = items[next]?.id;
    if (id === undefined) return;
    onChange(id);
    refs.current.get(id)?.focus();
  }

  const active = items[index];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {items.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === active?.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === active?.id ? 0 : -1}
            className="tab"
            onClick={() => onChange(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      {active ? (
        <div
          role="tabpanel"
          id={`${base}-panel-${active.id}`}
          aria-labelledby={`${base}-tab-${active.id}`}
          tabIndex={0}
          className="tabpanel"
        >
          {active.content ?? children}
        </div>
      ) : null}
    </div>
  );
}
