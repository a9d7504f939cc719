// A field-level diff as a table. Secret fields arrive without values (history-diff.ts masks them),
// so the only thing ever shown for them is that they changed.
import type { FieldChange } from '../../domain/history-diff.ts';

export function DiffTable({ changes, caption }: { changes: readonly FieldChange[]; caption: string }) {
  if (changes.length === 0) return <p className="au-muted">{caption}: no field differs.</p>;
  return (
    <table className="au-table au-diff">
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
            <th scope="row" className="au-mono">
              {c.path}
            </th>
            {c.masked ? (
              <td colSpan={3}>secret {c.kind === 'changed' ? 'changed' : c.kind} (value not shown)</td>
            ) : (
              <>
                <td>{c.kind}</td>
                <td className="au-mono au-before">{c.before ?? ''}</td>
                <td className="au-mono au-after">{c.after ?? ''}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
