// Problems a Client already had when it was loaded, in fields the current edit leaves alone
// (issue 14 §5). They do not block a save, but the user must say they know about them: an old
// wildcard redirect URI must not stop a description change, nor slip by unnoticed.
import { useId } from 'react';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import type { RuleIssue } from '../../domain/client-validation.ts';

export function ExistingProblems({
  issues,
  acknowledged,
  onAcknowledge,
  blocked,
}: {
  issues: readonly RuleIssue[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
  /** A save was refused because this is not ticked yet. */
  blocked: boolean;
}) {
  const id = useId();
  if (issues.length === 0) return null;
  return (
    <div className="cc-callout cc-callout-warn cc-existing" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>
          This Client already breaks {issues.length === 1 ? 'a registration rule' : 'registration rules'}
        </strong>{' '}
        in fields your edit leaves as they were:
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            <span className="cc-mono">{i.path}</span>: {i.message}
          </li>
        ))}
      </ul>
      <Checkbox
        label={`I know about ${issues.length === 1 ? 'this problem' : 'these problems'}: save my other changes and leave ${issues.length === 1 ? 'it' : 'them'} to fix later`}
        checked={acknowledged}
        aria-describedby={blocked ? `${id}-blocked` : undefined}
        onChange={(e) => onAcknowledge(e.target.checked)}
      />
      {blocked && !acknowledged && (
        <p id={`${id}-blocked`} className="field-error" role="alert">
          Tick the box above to save with the existing {issues.length === 1 ? 'problem' : 'problems'}, or fix{' '}
          {issues.length === 1 ? 'it' : 'them'} first.
        </p>
      )}
    </div>
  );
}
