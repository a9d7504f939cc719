// Filters of the findings page. Every control writes straight to the URL, so a filtered review can
// be shared as a link and survives reload.
import { useId } from 'react';
import { Button } from '../../components/ui/button.tsx';
import type { FindingsView } from './findings-params.ts';

export function FindingsFilters({
  view,
  rules,
  onChange,
}: {
  view: FindingsView;
  rules: readonly string[];
  onChange: (patch: Partial<FindingsView>) => void;
}) {
  const id = useId();
  return (
    <form
      className="au-filters"
      role="search"
      aria-label="Filter findings"
      onSubmit={(e) => e.preventDefault()}
    >
      {view.client ? (
        <p className="au-client-filter">
          Only Client <strong>{view.client}</strong>{' '}
          <Button variant="link" onClick={() => onChange({ client: '' })}>
            Show all Clients
          </Button>
        </p>
      ) : null}
      <label htmlFor={`${id}-q`}>
        Search
        <input
          id={`${id}-q`}
          type="search"
          value={view.q}
          placeholder="Client, policy, field…"
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </label>
      <label htmlFor={`${id}-sev`}>
        Severity
        <select
          id={`${id}-sev`}
          value={view.severity}
          onChange={(e) => onChange({ severity: e.target.value as FindingsView['severity'] })}
        >
          <option value="">All</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </label>
      <label htmlFor={`${id}-rule`}>
        Rule
        <select id={`${id}-rule`} value={view.rule} onChange={(e) => onChange({ rule: e.target.value })}>
          <option value="">All rules</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-age`}>
        Secret age limit (days)
        <input
          id={`${id}-age`}
          type="number"
          min={1}
          value={view.age}
          onChange={(e) => onChange({ age: Number(e.target.value) || view.age })}
        />
      </label>
      <label htmlFor={`${id}-idle`}>
        No Session in (days)
        <input
          id={`${id}-idle`}
          type="number"
          min={1}
          value={view.idle}
          onChange={(e) => onChange({ idle: Number(e.target.value) || view.idle })}
        />
      </label>
    </form>
  );
}
