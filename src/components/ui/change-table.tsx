// The one table of field changes (issue 13 §4): the conflict view, the history diff and anything
// else that shows what changed between two versions. Values arrive redacted by domain/json-diff.ts
// (never-sent members withheld, masked rows without values), and are printed as JSON text.
import type { JsonValue } from '../../model/json.ts';
import type { FieldChange } from '../../domain/json-diff.ts';
import { TableScroll } from './table-scroll.tsx';
import './change-table.css';

interface ChangeTableProps {
  caption: string;
  /** The scroll region's name; distinct from the caption, which a label search would also find. */
  label?: string;
  changes: readonly FieldChange[];
  /** Rows to mark, e.g. where two writers changed the same field; `markLabel` tells screen readers. */
  marked?: (path: string) => boolean;
  markLabel?: string;
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

export function ChangeTable({
  caption,
  label = 'Changes table',
  changes,
  marked,
  markLabel = 'marked',
}: ChangeTableProps) {
  return (
    <TableScroll label={label}>
      <table className="data-table change-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 ? (
            <tr>
              <td colSpan={4}>No field differs.</td>
            </tr>
          ) : null}
          {changes.map((c) => {
            const hit = marked?.(c.path) ?? false;
            return (
              <tr key={c.path} data-path={c.path} className={hit ? 'change-table-marked' : undefined}>
                <th scope="row" className="change-table-mono">
                  {c.path}
                  {hit ? <span className="visually-hidden"> ({markLabel})</span> : null}
                </th>
                {c.masked ? (
                  <td colSpan={3}>secret {c.kind} (value not shown)</td>
                ) : (
                  <>
                    <td>{c.kind}</td>
                    <td className="change-table-mono change-table-before">{show(c.before)}</td>
                    <td className="change-table-mono change-table-after">{show(c.after)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
