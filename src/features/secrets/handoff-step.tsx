import type { Ref } from 'react';
import { Link } from 'react-router';
import { useRevokeSessions } from '../../components/access/use-revoke-sessions.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CopyableSecret } from '../../components/ui/copyable-secret.tsx';
import { DateTime } from '../../components/ui/date-time.tsx';
import { paths } from '../../routes/paths.ts';
import { liveSessions, type SessionsQuery } from './session-count.ts';

interface HandoffStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  secret: string;
  done: boolean;
  fingerprint: string;
  rotatedAt: string;
  sessions: SessionsQuery;
  onFinish: () => void;
  onCopied: () => void;
}

/** Step 5: the secret, shown once; its fingerprint; and the old sessions, revoked on request. */
export function HandoffStep(props: HandoffStepProps) {
  const { headingRef, clientId, secret, done, fingerprint, rotatedAt, sessions, onFinish, onCopied } = props;
  const revoke = useRevokeSessions(clientId, async () => liveSessions((await sessions.refetch()).data));
  const tally = revoke.tally;

  const live = sessions.data ? liveSessions(sessions.data).length : undefined;
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        {done ? 'Rotation complete' : 'Step 5: hand over the new secret'}
      </h2>
      {done ? (
        <p>
          The secret of <span className="sx-mono">{clientId}</span> was rotated at{' '}
          <DateTime value={rotatedAt} />. It is no longer shown:{' '}
          <span className="sx-mono" aria-label="Secret hidden">
            ••••••••••••
          </span>
        </p>
      ) : (
        <div className="sx-callout sx-warn">
          <p>
            <strong>Copy the new secret now.</strong> It is shown only here, once: Aidbox stores only a hash,
            and the console forgets it when you finish or leave this page.
          </p>
          <CopyableSecret
            secret={secret}
            label="New secret"
            codeClassName="sx-secret"
            actionsClassName="sx-actions"
            onCopied={onCopied}
          />
        </div>
      )}
      <p>
        Fingerprint: <span className="sx-mono sx-fingerprint">{fingerprint}</span> — the first 8 hex digits of
        the secret&apos;s SHA-256. Quote it to the teams that receive the secret so they can confirm they have
        the right one without revealing it. It is recorded on the Client with the rotation time.
      </p>
      <h3>Existing sessions</h3>
      {!tally ? (
        live === 0 ? (
          <p>This Client had no active sessions: nothing to revoke.</p>
        ) : (
          <div className="sx-actions">
            <p>
              {live === undefined
                ? 'Tokens issued before the rotation keep working until they expire.'
                : `${live} session${live === 1 ? '' : 's'} from before the rotation still ${live === 1 ? 'has' : 'have'} valid tokens until they expire.`}
            </p>
            <Button onClick={() => void revoke.ask()}>Revoke existing sessions…</Button>
          </div>
        )
      ) : (
        <p role="status">
          {revoke.running ? 'Revoking… ' : 'Done: '}
          {tally.done} of {tally.total} revoked
          {tally.failed > 0 ? `, ${tally.failed} failed (try again, or revoke them from Aidbox)` : ''}.
        </p>
      )}
      {revoke.dialog}
      <div className="sx-actions">
        {done ? (
          <Link to={paths.client({ id: clientId })}>Back to the Client</Link>
        ) : (
          <Button variant="primary" onClick={onFinish}>
            I have stored the secret — finish
          </Button>
        )}
      </div>
    </section>
  );
}
