import { useState, type Ref } from 'react';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { KeyTable } from '../../components/keys/key-table.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { kidOf, mayRemove, oldKids, withoutKeys, type VerifyState } from './key-rotation-plan.ts';
import { ClientIdConfirm } from './client-id-confirm.tsx';
import { sessionSummary, type SessionsQuery } from './session-count.ts';

interface KeyRemoveStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  /** The Client's keys now, the new one among them. */
  current: PublicJwk[];
  newKid: string;
  verified: VerifyState;
  sessions: SessionsQuery;
  writing: boolean;
  onBack: () => void;
  onRemove: (jwks: PublicJwk[], kids: string[]) => void;
}

/**
 * Step 4: name the keys that go, refuse while the new key is unproven unless the admin overrides,
 * and make the admin type the client id: from this write on, callers signing with an old key fail.
 */
export function KeyRemoveStep(props: KeyRemoveStepProps) {
  const { headingRef, clientId, current, newKid, verified, sessions, writing } = props;
  const candidates = oldKids(current, newKid);
  const [chosen, setChosen] = useState<readonly string[]>(candidates);
  const [override, setOverride] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = candidates.filter((kid) => chosen.includes(kid));
  const remaining = withoutKeys(current, remove, newKid);
  const allowed = mayRemove(verified, override);
  // Never a write that would leave the Client without the new key.
  const keepsNew = remaining.some((k) => kidOf(k) === newKid);
  const ready = allowed && keepsNew && remove.length > 0 && typed === clientId && !writing;

  if (candidates.length === 0) {
    return (
      <section className="sx-step" aria-labelledby="sx-step-title">
        <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
          Step 4: no old key to remove
        </h2>
        <p>The new key is the Client&apos;s only key. The rotation is complete.</p>
        <KeyTable keys={current} caption="The Client's keys" />
      </section>
    );
  }

  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 4: remove the old key
      </h2>
      {verified.kind !== 'passed' ? (
        <div className="sx-callout sx-danger" role="alert">
          <p>
            <strong>
              {verified.kind === 'failed'
                ? 'The new key did not obtain a token.'
                : 'The new key has not been verified.'}
            </strong>{' '}
            Removing the old key now may leave the service with no key that works. Go back and check again, or
            override if you know why the check could not pass.
          </p>
          {verified.kind === 'failed' ? (
            <Checkbox
              label="Remove anyway: I accept that the service may be locked out"
              checked={override}
              onChange={(e) => setOverride(e.target.checked)}
            />
          ) : null}
        </div>
      ) : null}
      <fieldset className="sx-choice">
        <legend>Keys to remove</legend>
        {candidates.map((kid) => (
          <Checkbox
            key={kid}
            label={<span className="kr-kid">{kid || '(no kid)'}</span>}
            checked={chosen.includes(kid)}
            onChange={(e) => setChosen(e.target.checked ? [...chosen, kid] : chosen.filter((k) => k !== kid))}
          />
        ))}
      </fieldset>
      <div className="sx-callout sx-warn">
        <p>
          {remove.length === 0 ? (
            'Choose at least one key to remove.'
          ) : (
            <>
              From this moment, assertions signed with{' '}
              {remove.map((kid, i) => (
                <span key={kid}>
                  {i > 0 ? ', ' : ''}
                  <span className="kr-kid">{kid || '(no kid)'}</span>
                </span>
              ))}{' '}
              are refused.
            </>
          )}{' '}
          {sessions.data
            ? `${sessionSummary(sessions.data)}: tokens already issued keep working until they expire.`
            : null}
        </p>
      </div>
      <KeyTable keys={remaining} caption="The Client's keys after the removal" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) props.onRemove(remaining, remove);
        }}
      >
        <ClientIdConfirm clientId={clientId} typed={typed} onTyped={setTyped} />
        <div className="sx-actions">
          <Button onClick={props.onBack} disabled={writing}>
            Back
          </Button>
          <Button type="submit" variant="danger" disabled={!ready} loading={writing}>
            {remove.length === 1 ? 'Remove the old key now' : `Remove ${remove.length} old keys now`}
          </Button>
        </div>
      </form>
    </section>
  );
}
