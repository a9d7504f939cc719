import { Button } from '../../components/ui/button.tsx';
import { threeWay, type Json, type JsonObject, type PathChange } from '../../domain/client-diff.ts';

interface ConflictViewProps {
  base: JsonObject;
  theirs: JsonObject;
  mine: JsonObject;
  onReapply: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

function show(value: Json | undefined): string {
  if (value === undefined) return '(not set)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Someone saved first: their change and the user's side by side; nothing is lost either way. */
export function ConflictView({ base, theirs, mine, onReapply, onKeepMine, onTakeTheirs }: ConflictViewProps) {
  const diff = threeWay(base, theirs, mine);
  const collide = new Set(diff.conflicts);
  const hits = (c: PathChange) =>
    [...collide].some((p) => p === c.path || p.startsWith(`${c.path}.`) || c.path.startsWith(`${p}.`));
  return (
    <section className="cc-callout cc-callout-warn" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this Client while you were editing</h2>
      <p role="alert">
        Your changes are not lost.{' '}
        {diff.conflicts.length > 0
          ? `You both changed ${diff.conflicts.join(', ')}.`
          : 'Your changes do not overlap.'}
      </p>
      <div className="cc-compare">
        <ChangeTable caption="Their change (now saved)" changes={diff.theirs} hits={hits} />
        <ChangeTable caption="Your change (not saved yet)" changes={diff.mine} hits={hits} />
      </div>
      <p className="cc-actions">
        <Button variant="primary" onClick={onReapply}>
          Re-apply my changes on the latest version
        </Button>
        <Button onClick={onKeepMine}>Keep my version, discard theirs</Button>
        <Button onClick={onTakeTheirs}>Discard my changes</Button>
      </p>
      <p className="cc-help">
        Re-applying puts your changes into the form on top of theirs; review it and save again.
      </p>
    </section>
  );
}

interface ChangeTableProps {
  caption: string;
  changes: PathChange[];
  hits: (c: PathChange) => boolean;
}

function ChangeTable({ caption, changes, hits }: ChangeTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.length === 0 && (
          <tr>
            <td colSpan={3}>No changes</td>
          </tr>
        )}
        {changes.map((c) => (
          <tr key={c.path} className={hits(c) ? 'cc-collide' : undefined}>
            <td className="cc-mono">
              {c.path}
              {hits(c) && <span className="cc-sr-only"> (both changed)</span>}
            </td>
            <td className="cc-mono">{c.path === 'secret' ? '(hidden)' : show(c.before)}</td>
            <td className="cc-mono">{c.path === 'secret' ? '(hidden)' : show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
