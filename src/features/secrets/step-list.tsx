export type StepId = 'impact' | 'secret' | 'confirm' | 'verify' | 'handoff' | 'done';

const STEPS: { id: StepId; label: string }[] = [
  { id: 'impact', label: 'Impact' },
  { id: 'secret', label: 'New secret' },
  { id: 'confirm', label: 'Confirm' },
  { id: 'verify', label: 'Verify' },
  { id: 'handoff', label: 'Hand-off' },
];

/**
 * Where the admin is; the steps are not links because each one depends on the one before. `steps`
 * defaults to the secret rotation's; `'done'` shows the last step as current.
 */
export function StepList({
  current,
  steps = STEPS,
}: {
  current: string;
  steps?: readonly { id: string; label: string }[];
}) {
  const at = steps.findIndex((s) => s.id === (current === 'done' ? steps.at(-1)?.id : current));
  return (
    <ol className="sx-steps" aria-label="Rotation steps">
      {steps.map((s, i) => (
        <li
          key={s.id}
          className={i < at ? 'sx-step-done' : i === at ? 'sx-step-current' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="sx-step-number" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>{' '}
          {s.label}
          {i < at ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}
