import { useId, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { CopyableSecret } from '../../components/ui/copyable-secret.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';

interface SecretOnceProps {
  clientId: string;
  secret: string;
  /** First 8 hex digits of the secret's SHA-256 (domain/fingerprint.ts), recorded on the Client. */
  fingerprint: string;
  onDone: () => void;
}

/**
 * The create hand-off, laid out like the rotation's: what to hand over (client id and secret, each
 * with a Copy button), the fingerprint to confirm it by, and an explicit way on. The secret lives
 * only in this component's memory: never in the query cache, the URL, storage or logs.
 */
export function SecretOnce({ clientId, secret, fingerprint, onDone }: SecretOnceProps) {
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  const [idCopy, setIdCopy] = useState<'idle' | 'copied' | 'refused'>('idle');

  function copyId() {
    navigator.clipboard.writeText(clientId).then(
      () => setIdCopy('copied'),
      () => setIdCopy('refused'),
    );
  }

  return (
    <section className="cc-handoff" aria-labelledby={headingId}>
      <h2 id={headingId}>Client {clientId} was created: hand over its credentials</h2>
      <div className="cc-callout cc-callout-warn">
        <p>
          <strong>Copy the secret now.</strong> It is shown only here, once: Aidbox stores only a hash, and
          the console forgets it when you continue or leave this page.
        </p>
        <h3 className="cc-handoff-label">Client id</h3>
        <code className="cc-secret" aria-label="Client id">
          {clientId}
        </code>
        <div className="cc-handoff-actions">
          <Button onClick={copyId}>Copy client id</Button>{' '}
          <span role="status">
            {idCopy === 'copied' && 'Copied to the clipboard.'}
            {idCopy === 'refused' && 'The browser blocked the clipboard: select the id above and copy it.'}
          </span>
        </div>
        <h3 className="cc-handoff-label">Client secret</h3>
        <CopyableSecret
          secret={secret}
          label="Client secret"
          codeClassName="cc-secret"
          actionsClassName="cc-handoff-actions"
          onCopied={() => setCopied(true)}
        />
      </div>
      <p>
        Fingerprint: <span className="cc-mono cc-fingerprint">{fingerprint || '…'}</span> — the first 8 hex
        digits of the secret&apos;s SHA-256. Quote it to the team that receives the secret so they can confirm
        they have the right one without revealing it. It is recorded on the Client with the creation time.
      </p>
      {/* The continue button is an explicit "stored it"; every other way out asks first. */}
      <LeaveGuard when={!copied} title="Leave without the secret?" leaveLabel="Leave, I have stored it">
        <p>
          The secret of {clientId} has not been copied. It is shown only once: after you leave, nobody can
          read it again, and the Client needs a rotation to get a new one.
        </p>
      </LeaveGuard>
      <div className="cc-handoff-actions">
        <Button variant="primary" onClick={onDone}>
          I have stored the secret — continue
        </Button>
      </div>
    </section>
  );
}
