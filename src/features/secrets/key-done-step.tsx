import type { Ref } from 'react';
import { Link } from 'react-router';
import { KeyTable } from '../../components/keys/key-table.tsx';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { paths } from '../../routes/paths.ts';

interface KeyDoneStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  /** The Client's keys as re-read after the removal. */
  current: PublicJwk[];
  removed: { kids: string[]; still: string[] } | undefined;
}

/** The end: what Aidbox holds now, read back, and whether the removed keys are really gone. */
export function KeyDoneStep({ headingRef, clientId, current, removed }: KeyDoneStepProps) {
  const gone = removed !== undefined && removed.still.length === 0;
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        {gone ? 'Rotation complete' : 'The old key is still there'}
      </h2>
      <ul className="sx-results">
        {gone ? (
          <li className="sx-ok">
            <span aria-hidden="true">✓ </span>
            <strong>The old key no longer appears.</strong> The Client was read back from Aidbox: only the
            keys below remain, and assertions signed with a removed key are refused.
          </li>
        ) : (
          <li className="sx-bad" role="alert">
            <span aria-hidden="true">✗ </span>
            <strong>Aidbox still lists {removed?.still.join(', ')}.</strong> Someone may have written the
            Client at the same time: open it and check its keys.
          </li>
        )}
      </ul>
      <KeyTable keys={current} caption="The Client's keys now" />
      <Link to={paths.client({ id: clientId })}>Back to the Client</Link>
    </section>
  );
}
