import { Link } from 'react-router';
import type { Ref } from 'react';
import type { ClientRecord } from '../../api/clients.ts';
import { Button } from '../../components/ui/button.tsx';
import { DateTime } from '../../components/ui/date-time.tsx';
import {
  lastRotation,
  type Eligibility,
  type SecretUse,
  type VerifyMethod,
} from '../../domain/secret-impact.ts';
import { paths } from '../../routes/paths.ts';
import type { SessionsQuery } from './session-count.ts';
import { SessionsLine } from './sessions-line.tsx';

interface ImpactStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  record: ClientRecord;
  eligibility: Eligibility;
  uses: SecretUse[];
  method: VerifyMethod;
  sessions: SessionsQuery;
  onNext: () => void;
}

function When({ iso }: { iso: string | undefined }) {
  return iso ? <DateTime value={iso} /> : 'unknown';
}

/** Step 1: what depends on this secret, before anything can change. */
export function ImpactStep({
  headingRef,
  record,
  eligibility,
  uses,
  method,
  sessions,
  onNext,
}: ImpactStepProps) {
  const id = record.client.id ?? '';
  const rotation = lastRotation(record.client);

  if (eligibility.kind === 'vault') {
    return (
      <section className="sx-step" aria-labelledby="sx-step-title">
        <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
          This secret cannot be rotated here
        </h2>
        <div className="sx-callout sx-warn">
          <p>
            Client <span className="sx-mono">{id}</span> takes its secret from a vault: Aidbox reads it from
            the secret file mapped in <span className="sx-mono">BOX_VAULT_CONFIG</span> (a{' '}
            <span className="sx-mono">_secret</span> reference), and the console never sees or stores it.
          </p>
          <p>
            Rotate it in the vault: write the new value to the secret file, then give it to the Client&apos;s
            callers. Writing a secret here would not replace the vault value.
          </p>
        </div>
        <Link to={paths.client({ id })}>Back to the Client</Link>
      </section>
    );
  }
  if (eligibility.kind === 'public') {
    return (
      <section className="sx-step" aria-labelledby="sx-step-title">
        <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
          This Client needs no secret
        </h2>
        <div className="sx-callout">
          <p>
            <span className="sx-mono">{id}</span> is a public Client: it signs users in without a shared
            secret (for example a browser or mobile app with PKCE), or proves itself with its own key. No
            grant it uses asks for a secret, so there is nothing to rotate. A secret shipped inside a browser
            or device app would not stay secret anyway.
          </p>
        </div>
        <Link to={paths.client({ id })}>Back to the Client</Link>
      </section>
    );
  }

  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 1: what depends on this secret
      </h2>
      <p>
        Aidbox keeps exactly one secret per Client. Rotating replaces it at once: there is no overlap in which
        both work.
      </p>
      <h3>Grants that use the secret</h3>
      {uses.length === 0 ? (
        <p>No grant of this Client uses its secret at the moment; rotating only replaces the stored value.</p>
      ) : (
        <ul className="sx-list">
          {uses.map((u) => (
            <li key={u.id}>
              <strong>{u.label}</strong> — {u.breaks}
              {u.assumed ? (
                <span className="sx-muted">
                  {' '}
                  (secret_required is not set; a Client with a secret is assumed to need it.)
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <SessionsLine
        sessions={sessions}
        then="Tokens already issued keep working until they expire; you can revoke them after the rotation."
      />
      <h3>Last rotation</h3>
      <p>
        {rotation.recorded ? (
          <>
            <When iso={rotation.at} />
            {rotation.fingerprint ? (
              <>
                {' '}
                — fingerprint <span className="sx-mono">{rotation.fingerprint}</span>
              </>
            ) : null}
          </>
        ) : (
          <>
            Never recorded. (The Client itself was last changed <When iso={rotation.lastUpdated} />; that may
            or may not have been the secret.)
          </>
        )}
      </p>
      {!eligibility.hasSecret ? (
        <p className="sx-callout">This Client has no stored secret yet: this sets its first one.</p>
      ) : null}
      {method === 'none' ? (
        <p className="sx-callout sx-warn">
          The console cannot test the new secret with Aidbox for this Client (it has neither
          client_credentials nor basic): test it with one of its callers.
        </p>
      ) : null}
      <div className="sx-actions">
        <Button variant="primary" onClick={onNext}>
          Continue: choose the new secret
        </Button>
        <Link to={paths.client({ id })}>Cancel</Link>
      </div>
    </section>
  );
}
