// The Clients table's column widths and header row. Widths are fixed (table-layout: fixed), so a
// search that brings longer names or more grants does not make the columns jump; long text is
// clipped with an ellipsis and shown whole on hover. Id, Name and Last updated sort on click.
import type { SortKey } from './list-params.ts';

export const COLUMNS = ['Id', 'Name', 'Type', 'Grant types', 'Active', 'Last updated', 'Risks', 'Actions'];
const WIDTHS = ['15%', '16%', '15%', '17%', '7%', '13%', '11%', '6%'];

/** First click sorts ascending (newest first for dates); the next click reverses. */
const SORTABLE: Partial<Record<string, readonly [SortKey, SortKey]>> = {
  Id: ['id', '-id'],
  Name: ['name', '-name'],
  'Last updated': ['-updated', 'updated'],
};

export function Columns() {
  return (
    <colgroup>
      {WIDTHS.map((w, i) => (
        <col key={i} style={{ width: w }} />
      ))}
    </colgroup>
  );
}

/** Without `onSort` (the loading skeleton) the headers are plain text. */
export function HeaderRow({ sort, onSort }: { sort?: SortKey; onSort?: (sort: SortKey) => void }) {
  return (
    <tr>
      {COLUMNS.map((c) => {
        const keys = SORTABLE[c];
        if (c === 'Actions') {
          return (
            <th key={c} scope="col">
              <span className="visually-hidden">{c}</span>
            </th>
          );
        }
        if (!keys || !onSort) {
          return (
            <th key={c} scope="col">
              {c}
            </th>
          );
        }
        const [first, second] = keys;
        const active = sort === first || sort === second;
        const direction = !active ? 'none' : sort?.startsWith('-') ? 'descending' : 'ascending';
        return (
          <th key={c} scope="col" aria-sort={direction}>
            <button type="button" className="cc-sort" onClick={() => onSort(sort === first ? second : first)}>
              {c}
              <span aria-hidden="true" className="cc-sort-mark">
                {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
              </span>
            </button>
          </th>
        );
      })}
    </tr>
  );
}
