import { GRANT_TYPES } from '../../domain/client-grants.ts';
import { SORTS, type ListView, type SortKey } from './list-params.ts';

// `code` is a grant type of its own in Aidbox's Client schema, an alias of authorization_code;
// a Client may list either, so the filter offers both and says which is which.
const GRANT_LABELS: Partial<Record<string, string>> = {
  code: 'code (Aidbox alias of authorization_code)',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'token exchange',
};

interface ListToolbarProps {
  view: ListView;
  searchText: string;
  onSearchText: (text: string) => void;
  onChange: (patch: Partial<ListView>) => void;
}

export function ListToolbar({ view, searchText, onSearchText, onChange }: ListToolbarProps) {
  return (
    <div className="cc-toolbar" role="search">
      <label className="cc-field cc-grow">
        <span>Search</span>
        <input
          type="search"
          value={searchText}
          placeholder="Id, name, redirect URI…"
          onChange={(e) => onSearchText(e.target.value)}
        />
      </label>
      <label className="cc-field">
        <span>Grant type</span>
        <select value={view.grant} onChange={(e) => onChange({ grant: e.target.value })}>
          <option value="">Any</option>
          {GRANT_TYPES.map((g) => (
            <option key={g} value={g}>
              {GRANT_LABELS[g] ?? g}
            </option>
          ))}
        </select>
      </label>
      <label className="cc-field">
        <span>Client type</span>
        <select
          value={view.access}
          onChange={(e) => onChange({ access: e.target.value as ListView['access'] })}
        >
          <option value="">Any</option>
          <option value="public">Public (no secret)</option>
          <option value="confidential">Confidential</option>
        </select>
      </label>
      <label className="cc-field">
        <span>Active</span>
        <select
          value={view.active}
          onChange={(e) => onChange({ active: e.target.value as ListView['active'] })}
        >
          <option value="">Any</option>
          <option value="true">Active</option>
          <option value="false">Inactive</option>
        </select>
      </label>
      <label className="cc-field">
        <span>Sort by</span>
        <select value={view.sort} onChange={(e) => onChange({ sort: e.target.value as SortKey })}>
          {Object.entries(SORTS).map(([key, s]) => (
            <option key={key} value={key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
