import type { Ref } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { describeError } from '../../components/ui/error-text.ts';

export type KeyApplyError = { stage: 'add' | 'remove' } & (
  { kind: 'conflict' } | { kind: 'not-applied' | 'unknown' | 'failed'; error: unknown }
);

/** What still works after a write that did not happen (or may not have): never a half-written jwks. */
const STILL_WORKS = {
  add: 'the old keys still work and the new key was not added',
  remove: 'both the new key and the old keys still work',
} as const;

/** A key write failed. Merge-PATCH writes `jwks` whole, so the Client is as it was, or as asked. */
export function KeyApplyFailure({
  headingRef,
  failure,
  onRestart,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  failure: KeyApplyError;
  onRestart: () => void;
}) {
  const described = failure.kind === 'conflict' ? undefined : describeError(failure.error);
  const what = failure.stage === 'add' ? 'The new key was not added' : 'The old keys were not removed';
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        {failure.kind === 'conflict'
          ? `${what}: someone changed this Client since you reviewed it`
          : failure.kind === 'unknown'
            ? 'Not known whether the keys were changed'
            : what}
      </h2>
      <div className="sx-callout sx-danger" role="alert">
        {failure.kind === 'conflict' ? (
          <p>
            Aidbox refused the change because the Client is no longer the version you reviewed. Nothing was
            changed: <strong>{STILL_WORKS[failure.stage]}</strong>. Reload to review the Client&apos;s current
            keys, then go on.
          </p>
        ) : failure.kind === 'unknown' ? (
          <p>
            The answer from Aidbox was lost and the Client could not be re-read. Reload it and look at its
            keys before going on.
          </p>
        ) : (
          <p>
            {described?.title}. Nothing was changed: <strong>{STILL_WORKS[failure.stage]}</strong>.{' '}
            {described?.action}
          </p>
        )}
        {described?.diagnostics ? <pre className="sx-diagnostics">{described.diagnostics}</pre> : null}
      </div>
      <div className="sx-actions">
        <Button variant="primary" onClick={onRestart}>
          {failure.stage === 'add'
            ? 'Reload the Client and start over'
            : 'Reload the Client and review the removal'}
        </Button>
      </div>
    </section>
  );
}
