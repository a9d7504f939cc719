// Search, filters and sorting for both axes of the matrix. Text fields update the URL after a
// short pause (replacing the history entry); selects update it at once.
import { useEffect, useRef, useState } from 'react';
import type { KindFilter, MatrixView } from '../../domain/matrix-view.ts';

const KIND_LABELS: Record<KindFilter, string> = {
  '': 'All policies',
  linked: 'Linked (not global)',
  global: 'Global only',
  client: 'Client-linked',
  mixed: 'Mixed Client + Operation',
  'user-or-operation': 'User/Operation-linked',
};
const DEBOUNCE_MS = 200;

function SearchField(props: { label: string; value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(props.value);
  const [synced, setSynced] = useState(props.value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The URL changed without us (back button, "clear"): show its value.
  if (props.value !== synced) {
    setSynced(props.value);
    setText(props.value);
  }
  return (
    <label className="pm-field">
      <span>{props.label}</span>
      <input
        type="search"
        className="input"
        value={text}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            setSynced(v);
            props.onChange(v);
          }, DEBOUNCE_MS);
        }}
      />
    </label>
  );
}

function Select(props: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="pm-field">
      <span>{props.label}</span>
      <select className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MatrixToolbar(props: {
  view: MatrixView;
  types: readonly string[];
  engines: readonly string[];
  onChange: (patch: Partial<MatrixView>, replace?: boolean) => void;
}) {
  const { view, onChange } = props;
  return (
    <div className="pm-toolbar">
      <fieldset className="pm-axis">
        <legend>Clients (rows)</legend>
        <SearchField
          label="Client id or name"
          value={view.clientText}
          onChange={(v) => onChange({ clientText: v }, true)}
        />
        <Select
          label="Client type"
          value={view.clientType}
          options={[['', 'Any type'], ['-', '(no type)'], ...props.types.map((t) => [t, t] as const)]}
          onChange={(v) => onChange({ clientType: v })}
        />
        <Select
          label="Sort rows"
          value={view.rowSort}
          options={[
            ['id', 'Id'],
            ['name', 'Name'],
            ['links', 'Most links'],
          ]}
          onChange={(v) => onChange({ rowSort: v as MatrixView['rowSort'] })}
        />
        <label className="pm-check">
          <input
            type="checkbox"
            checked={view.onlyLinked}
            onChange={(e) => onChange({ onlyLinked: e.target.checked })}
          />
          Only rows with links
        </label>
      </fieldset>
      <fieldset className="pm-axis">
        <legend>Policies (columns)</legend>
        <SearchField
          label="Policy id or description"
          value={view.policyText}
          onChange={(v) => onChange({ policyText: v }, true)}
        />
        <Select
          label="Engine"
          value={view.engine}
          options={[['', 'Any engine'], ...props.engines.map((e) => [e, e] as const)]}
          onChange={(v) => onChange({ engine: v })}
        />
        <Select
          label="Kind"
          value={view.kind}
          options={Object.entries(KIND_LABELS)}
          onChange={(v) => onChange({ kind: v as KindFilter })}
        />
        <Select
          label="Sort columns"
          value={view.columnSort}
          options={[
            ['id', 'Id'],
            ['engine', 'Engine'],
            ['links', 'Most links'],
          ]}
          onChange={(v) => onChange({ columnSort: v as MatrixView['columnSort'] })}
        />
      </fieldset>
    </div>
  );
}
