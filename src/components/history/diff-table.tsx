// A field-level diff as a table. Secret fields arrive without values (history-diff.ts masks them),
// so the only thing ever shown for them is that they changed.
import type { FieldChange } from '../../domain/history-diff.ts';
import { TableScroll } from '../ui/table-scroll.tsx';

export function DiffTable({ changes, caption }: { changes: readonly FieldChange[]; caption: string }) {
  if (changes.length === 0) return <p className="hv-muted">{caption}: no field differs.</p>;
  return (
    <TableScroll label="Changes table">
      <table className="hv-table hv-diff">
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
          {changes.map((c) => (
            <tr key={c.path} data-path={c.path}>
              <th scope="row" className="hv-mono">
                {c.path}
              </th>
              {c.masked ? (
                <td colSpan={3}>secret {c.kind === 'changed' ? 'changed' : c.kind} (value not shown)</td>
              ) : (
                <>
                  <td>{c.kind}</td>
                  <td className="hv-mono hv-before">{c.before ?? ''}</td>
                  <td className="hv-mono hv-after">{c.after ?? ''}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
