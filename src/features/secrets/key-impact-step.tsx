import type { Ref } from 'react';
import { Link } from 'react-router';
import type { ClientRecord } from '../../api/clients.ts';
import { KeyTable } from '../../components/keys/key-table.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ASSERTION_TYPE } from '../../domain/client-assertion.ts';
import { paths } from '../../routes/paths.ts';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { KeyResume } from './key-resume.tsx';
import type { KeyEligibility } from './key-rotation-plan.ts';
import type { SessionsQuery } from './session-count.ts';
import { SessionsLine } from './sessions-line.tsx';

interface KeyImpactStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  record: ClientRecord;
  eligibility: KeyEligibility;
  sessions: SessionsQuery;
  onNext: () => void;
  /** Goes on with a key already among the Client's keys (a rotation left half-way). */
  onResume: (key: PublicJwk) => void;
}

/** Whether the Client opts in to private_key_jwt for client_credentials (Aidbox's registration examples). */
function listsAssertionType(record: ClientRecord): boolean {
  return record.client.auth?.client_credentials?.client_assertion_types?.includes(ASSERTION_TYPE) ?? false;
}

/** Step 1: the Client's keys and who uses them, before anything changes. */
export function KeyImpactStep({
  headingRef,
  record,
  eligibility,
  sessions,
  onNext,
  onResume,
}: KeyImpactStepProps) {
  const id = record.client.id ?? '';
  const back = <Link to={paths.client({ id })}>Back to the Client</Link>;

  if (eligibility.kind === 'uri') {
    return (
      <section className="sx-step" aria-labelledby="sx-step-title">
        <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
          These keys are rotated where they are published
        </h2>
        <div className="sx-callout">
          <p>
            <span className="sx-mono">{id}</span> has no keys stored on the Client: Aidbox fetches them from
            its <span className="sx-mono">jwks_uri</span>, <span className="kr-uri">{eligibility.uri}</span>.
            The console cannot change that document, so the rotation happens there:
          </p>
          <ol className="sx-list">
            <li>Publish the new public key in that JWK Set beside the old one, with a new kid.</li>
            <li>
              Wait until Aidbox may have re-read the set (it caches it), then switch the application to sign
              with the new key, and check that it still gets tokens.
            </li>
            <li>Remove the old key from the set.</li>
          </ol>
        </div>
        {back}
      </section>
    );
  }
  if (eligibility.kind === 'unreadable') {
    return (
      <section className="sx-step" aria-labelledby="sx-step-title">
        <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
          The keys of this Client cannot be rotated here
        </h2>
        <p className="sx-callout sx-warn">
          Its <span className="sx-mono">jwks</span> is not a list of JWKs as Aidbox stores them, so writing it
          back could lose something. Fix it in the Client&apos;s raw JSON first.
        </p>
        {back}
      </section>
    );
  }

  const { keys } = eligibility;
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 1: the keys in use
      </h2>
      <p>
        A backend service proves itself with a client assertion signed by its private key; Aidbox checks it
        against the public key with the same kid among the Client&apos;s keys. Several keys may sit side by
        side, so the rotation never leaves a moment without a working key:
      </p>
      <ol className="sx-list">
        <li>add the new public key beside the old one (nothing breaks);</li>
        <li>prove that the new key obtains a token;</li>
        <li>remove the old key (callers still signing with it are refused from then on).</li>
      </ol>
      {keys.length > 0 ? (
        <KeyTable keys={keys} caption="The Client's keys now" />
      ) : (
        <p className="sx-callout">This Client has no keys yet: the new key becomes its first.</p>
      )}
      {eligibility.privateStored ? (
        <p className="sx-callout sx-danger">
          A stored key holds private key material. The rotation writes back public members only; treat that
          private key as exposed.
        </p>
      ) : null}
      <SessionsLine
        sessions={sessions}
        then="Tokens already issued keep working until they expire: removing a key only stops new assertions signed with it."
      />
      {!listsAssertionType(record) ? (
        <p className="sx-callout sx-warn">
          <span className="sx-mono">auth.client_credentials.client_assertion_types</span> does not list{' '}
          <span className="sx-mono">{ASSERTION_TYPE}</span>. Aidbox&apos;s registration examples set it; an
          Aidbox that requires it refuses every assertion, so the check in step 3 may fail.
        </p>
      ) : null}
      <KeyResume keys={keys} onResume={onResume} />
      <div className="sx-actions">
        <Button variant="primary" onClick={onNext}>
          Continue: add the new key
        </Button>
        <Link to={paths.client({ id })}>Cancel</Link>
      </div>
    </section>
  );
}
