import { useId, useState } from 'react';
import { CopyableSecret } from '../../components/ui/copyable-secret.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';

interface SecretOnceProps {
  clientId: string;
  secret: string;
  onDone: () => void;
}

/**
 * Shows a freshly generated secret exactly once. It lives only in this component's memory: never
 * in the query cache, the URL, storage or logs; leaving the screen drops it.
 */
export function SecretOnce({ clientId, secret, onDone }: SecretOnceProps) {
  const labelId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="cc-callout cc-callout-warn" role="region" aria-labelledby={labelId}>
      <p id={labelId}>
        <strong>Client {clientId} was created. Copy its secret now</strong> — it is shown only once and cannot
        be read back later (Aidbox stores only a hash).
      </p>
      <CopyableSecret
        secret={secret}
        label="Client secret"
        codeClassName="cc-secret"
        onCopied={() => setCopied(true)}
      />
      {/* The continue button is an explicit "stored it"; every other way out asks first. */}
      <LeaveGuard when={!copied} title="Leave without the secret?" leaveLabel="Leave, I have stored it">
        <p>
          The secret of {clientId} has not been copied. It is shown only once: after you leave, nobody can
          read it again, and the Client needs a rotation to get a new one.
        </p>
      </LeaveGuard>
      <p>
        <button type="button" onClick={onDone}>
          I have stored the secret — continue
        </button>
      </p>
    </div>
  );
}
