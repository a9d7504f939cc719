import type { SecretEstimate } from '../../domain/entropy.ts';
import { REJECT_BELOW_BITS, WARN_BELOW_BITS } from '../../domain/entropy.ts';

const VERDICT_TEXT = {
  reject: 'Refused',
  warn: 'Allowed, but weaker than recommended',
  accept: 'Strong enough',
  pending: 'Checking patterns…',
} as const;

/** The live judgement of the admin's own secret: the verdict, the number, and every reason found. */
export function EstimateView({
  value,
  estimate,
  loadFailed,
}: {
  value: string;
  estimate: SecretEstimate | undefined;
  loadFailed: boolean;
}) {
  if (loadFailed) {
    return (
      <p className="sx-callout sx-danger" role="alert">
        The strength checker could not be loaded, so this secret cannot be judged. Check your connection and
        reload, or choose Generate.
      </p>
    );
  }
  if (value === '') return <p className="sx-muted">Type or paste a secret to see how strong it is.</p>;
  const verdict = estimate?.verdict ?? 'pending';
  const bits = estimate?.bits ?? 0;
  const tone =
    verdict === 'accept'
      ? 'sx-good'
      : verdict === 'warn'
        ? 'sx-warn'
        : verdict === 'reject'
          ? 'sx-danger'
          : '';
  return (
    <div className={`sx-estimate ${tone}`}>
      <p role="status" aria-live="polite" className="sx-verdict">
        <strong>{VERDICT_TEXT[verdict]}</strong>
        {estimate && estimate.alphabet ? <> — estimated upper bound ≈{Math.round(bits)} bits</> : null}
      </p>
      {estimate?.alphabet ? (
        <meter
          className="sx-meter"
          min={0}
          max={256}
          low={REJECT_BELOW_BITS}
          high={WARN_BELOW_BITS}
          optimum={256}
          value={Math.min(bits, 256)}
          aria-label="Estimated strength in bits"
        />
      ) : null}
      {estimate && estimate.problems.length > 0 ? (
        <ul className="sx-problems" aria-label="What the check found">
          {estimate.problems.map((p) => (
            <li key={`${p.code}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      {estimate?.alphabet ? (
        <p className="sx-muted">
          {value.length} characters of {estimate.alphabet.name} ({Math.round(estimate.upperBound)} bits if
          fully random). Patterns found lower the estimate; nothing can raise it. Generating is always the
          safer choice.
        </p>
      ) : null}
    </div>
  );
}
