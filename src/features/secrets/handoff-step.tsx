import { useMutation } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import { Link } from 'react-router';
import { sessionMutations } from '../../api/sessions.ts';
import { RevokeSessionsConfirm } from '../../components/access/revoke-sessions-confirm.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CopyableSecret } from '../../components/ui/copyable-secret.tsx';
import { DateTime } from '../../components/ui/date-time.tsx';
import { paths } from '../../routes/paths.ts';
import type { Session } from '../../model/session.ts';
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

type Revoke =
  { state: 'idle' } | { state: 'running' | 'finished'; done: number; failed: number; total: number };

/** Step 5: the secret, shown once; its fingerprint; and the old sessions, revoked on request. */
export function HandoffStep(props: HandoffStepProps) {
  const { headingRef, clientId, secret, done, fingerprint, rotatedAt, sessions, onFinish, onCopied } = props;
  const [revoke, setRevoke] = useState<Revoke>({ state: 'idle' });
  // The live Sessions as just re-read, awaiting the confirmation that names who loses access.
  const [confirming, setConfirming] = useState<Session[]>();
  // Refreshes the Session queries once, when every revocation has been tried (meta).
  const revokeSessions = useMutation(sessionMutations.revokeAll());

  async function askToRevoke() {
    // Re-read first: the list from step 1 may miss sessions started since.
    const fresh = await sessions.refetch();
    const targets = liveSessions(fresh.data).filter((s) => s.id);
    if (targets.length > 0) setConfirming(targets);
    else setRevoke({ state: 'finished', done: 0, failed: 0, total: 0 });
  }

  async function revokeAll(targets: readonly Session[]) {
    setRevoke({ state: 'running', done: 0, failed: 0, total: targets.length });
    const tally = await revokeSessions.mutateAsync({
      ids: targets.map((s) => s.id ?? ''),
      onProgress: (t) => setRevoke({ state: 'running', ...t }),
    });
    setRevoke({ state: 'finished', ...tally });
  }

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
      {revoke.state === 'idle' ? (
        live === 0 ? (
          <p>This Client had no active sessions: nothing to revoke.</p>
        ) : (
          <div className="sx-actions">
            <p>
              {live === undefined
                ? 'Tokens issued before the rotation keep working until they expire.'
                : `${live} session${live === 1 ? '' : 's'} from before the rotation still ${live === 1 ? 'has' : 'have'} valid tokens until they expire.`}
            </p>
            <Button onClick={() => void askToRevoke()}>Revoke existing sessions…</Button>
          </div>
        )
      ) : (
        <p role="status">
          {revoke.state === 'running' ? 'Revoking… ' : 'Done: '}
          {revoke.done} of {revoke.total} revoked
          {revoke.failed > 0 ? `, ${revoke.failed} failed (try again, or revoke them from Aidbox)` : ''}.
        </p>
      )}
      {confirming ? (
        <RevokeSessionsConfirm
          clientId={clientId}
          sessions={confirming}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            setConfirming(undefined);
            void revokeAll(confirming);
          }}
        />
      ) : null}
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
