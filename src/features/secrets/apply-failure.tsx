import type { Ref } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { describeError } from '../../components/ui/error-text.ts';

export type ApplyError =
  { kind: 'conflict' } | { kind: 'not-applied' | 'unknown' | 'failed'; error: unknown };

/** The rotation did not happen (or may not have): the new secret is never presented as active. */
export function ApplyFailure({
  headingRef,
  failure,
  onRestart,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  failure: ApplyError;
  onRestart: () => void;
}) {
  const described = failure.kind === 'conflict' ? undefined : describeError(failure.error);
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        {failure.kind === 'conflict'
          ? 'Not rotated: someone changed this Client since you opened the wizard'
          : failure.kind === 'unknown'
            ? 'Not known whether the secret was rotated'
            : 'Not rotated'}
      </h2>
      <div className="sx-callout sx-danger" role="alert">
        {failure.kind === 'conflict' ? (
          <p>
            Aidbox refused the change because the Client is no longer the version you reviewed. Nothing was
            changed: <strong>the old secret still works</strong>, and the new one was discarded. Reload to
            review the Client&apos;s current settings and what depends on them, then rotate again.
          </p>
        ) : failure.kind === 'unknown' ? (
          <p>
            The answer from Aidbox was lost and the Client could not be re-read. Reload it: if its last
            rotation shows the time you just rotated, the new secret is live and you need to rotate once more
            to see a secret you can hand out.
          </p>
        ) : (
          <p>
            {described?.title}. Nothing was changed: <strong>the old secret still works</strong>.{' '}
            {described?.action}
          </p>
        )}
        {described?.diagnostics ? <pre className="sx-diagnostics">{described.diagnostics}</pre> : null}
      </div>
      <div className="sx-actions">
        <Button variant="primary" onClick={onRestart}>
          Reload the Client and start over
        </Button>
      </div>
    </section>
  );
}
