import { Button } from '../../components/ui/button.tsx';
import { ChangeTable } from '../../components/ui/change-table.tsx';
import { pathsOverlap, threeWay } from '../../domain/json-diff.ts';
import type { JsonObject } from '../../model/json.ts';

interface ConflictViewProps {
  base: JsonObject;
  theirs: JsonObject;
  mine: JsonObject;
  onReapply: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** Someone saved first: their change and the user's side by side; nothing is lost either way. */
export function ConflictView({ base, theirs, mine, onReapply, onKeepMine, onTakeTheirs }: ConflictViewProps) {
  const diff = threeWay(base, theirs, mine);
  const collides = (path: string) => diff.conflicts.some((p) => pathsOverlap(p, path));
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
        <ChangeTable
          caption="Their change (now saved)"
          label="Their changes table"
          changes={diff.theirs}
          marked={collides}
          markLabel="both changed"
        />
        <ChangeTable
          caption="Your change (not saved yet)"
          label="Your changes table"
          changes={diff.mine}
          marked={collides}
          markLabel="both changed"
        />
      </div>
      <p className="cc-actions">
        <Button variant="primary" onClick={onReapply}>
          Re-apply my changes on the latest version
        </Button>
        <Button onClick={onKeepMine}>Keep my version, discard theirs</Button>
        <Button onClick={onTakeTheirs}>Discard my changes</Button>
      </p>
      <p className="field-help">
        Re-applying puts your changes into the form on top of theirs; review it and save again.
      </p>
    </section>
  );
}
