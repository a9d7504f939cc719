export type StepId = 'impact' | 'secret' | 'confirm' | 'verify' | 'handoff' | 'done';

const STEPS: { id: StepId; label: string }[] = [
  { id: 'impact', label: 'Impact' },
  { id: 'secret', label: 'New secret' },
  { id: 'confirm', label: 'Confirm' },
  { id: 'verify', label: 'Verify' },
  { id: 'handoff', label: 'Hand-off' },
];

/** Where the admin is; the steps are not links because each one depends on the one before. */
export function StepList({ current }: { current: StepId }) {
  const at = STEPS.findIndex((s) => s.id === (current === 'done' ? 'handoff' : current));
  return (
    <ol className="sx-steps" aria-label="Rotation steps">
      {STEPS.map((s, i) => (
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
