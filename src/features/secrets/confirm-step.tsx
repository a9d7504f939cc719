import { useState, type Ref } from 'react';
import { Button } from '../../components/ui/button.tsx';
import type { SecretUse } from '../../domain/secret-impact.ts';
import { ClientIdConfirm } from './client-id-confirm.tsx';
import { sessionSummary, type SessionsQuery } from './session-count.ts';

interface ConfirmStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  uses: SecretUse[];
  sessions: SessionsQuery;
  applying: boolean;
  onBack: () => void;
  onApply: () => void;
}

/** Step 3: say plainly what breaks, and make the admin type the client id to go on. */
export function ConfirmStep({
  headingRef,
  clientId,
  uses,
  sessions,
  applying,
  onBack,
  onApply,
}: ConfirmStepProps) {
  const [typed, setTyped] = useState('');
  const matches = typed === clientId;
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 3: confirm the rotation
      </h2>
      <div className="sx-callout sx-danger">
        <p>
          <strong>The old secret stops working immediately.</strong> Aidbox keeps one secret per Client, so
          the moment you rotate, every caller still using the old secret is refused.
        </p>
        {uses.length > 0 ? (
          <>
            <p>Who will break until they have the new secret:</p>
            <ul className="sx-list">
              {uses.map((u) => (
                <li key={u.id}>
                  <strong>{u.label}:</strong> {u.breaks}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No grant of this Client uses the secret right now.</p>
        )}
        {sessions.data ? (
          <p>
            {sessionSummary(sessions.data)}: already issued tokens keep working until they expire, unless you
            revoke them at the end.
          </p>
        ) : null}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !applying) onApply();
        }}
      >
        <ClientIdConfirm clientId={clientId} typed={typed} onTyped={setTyped} />
        <div className="sx-actions">
          <Button onClick={onBack} disabled={applying}>
            Back
          </Button>
          <Button type="submit" variant="danger" disabled={!matches} loading={applying}>
            Rotate the secret now
          </Button>
        </div>
      </form>
    </section>
  );
}
