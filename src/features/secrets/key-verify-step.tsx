import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type Ref } from 'react';
import { wellKnownQueries } from '../../api/well-known.ts';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { TextField } from '../../components/form/text-field.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { useConsoleConfig } from '../../config/config-context.tsx';
import type { NewKey } from './key-add-step.tsx';
import { kidOf, type VerifyState } from './key-rotation-plan.ts';
import { importPrivateKeyFor, probeAssertion, type SigningKey } from './key-verify.ts';
import type { ProbeOutcome } from './verify.ts';

interface KeyVerifyStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  newKey: NewKey;
  verified: VerifyState;
  onVerified: (state: VerifyState) => void;
  onNext: () => void;
}

/**
 * Step 3: Aidbox itself shows that the new key obtains a token: a client_credentials request with an
 * assertion signed by the new private key, `aud` the token endpoint from discovery. A pasted
 * private key is used for this check only and kept as a non-extractable CryptoKey.
 */
export function KeyVerifyStep({
  headingRef,
  clientId,
  newKey,
  verified,
  onVerified,
  onNext,
}: KeyVerifyStepProps) {
  const config = useConsoleConfig();
  const endpoints = useQuery(wellKnownQueries.endpoints(config));
  const [signing, setSigning] = useState<SigningKey | undefined>(newKey.signing);
  const [outcome, setOutcome] = useState<ProbeOutcome>();
  const [round, setRound] = useState(0);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState('');
  const [selfChecked, setSelfChecked] = useState(verified.kind === 'passed' && verified.how === 'self');
  const token = endpoints.data?.token;
  const kid = kidOf(newKey.publicJwk);

  useEffect(() => {
    if (!signing || !token) return;
    let live = true;
    void probeAssertion({ clientId, tokenEndpoint: token, aidboxUrl: config.aidboxUrl, key: signing }).then(
      (result) => {
        if (!live) return;
        setOutcome(result);
        onVerified(
          result.kind === 'accepted' ? { kind: 'passed', how: 'probe' } : { kind: 'failed', outcome: result },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [signing, token, clientId, config.aidboxUrl, round, onVerified]);

  async function checkPasted() {
    const result = await importPrivateKeyFor(pasted, newKey.publicJwk);
    setPasted(''); // the text is not kept, whatever the result
    if (result.ok) {
      setPasteError('');
      setOutcome(undefined);
      setSigning(result.key);
    } else setPasteError(result.message);
  }

  const busy = signing !== undefined && outcome === undefined && !endpoints.isError;
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 3: verify that the new key obtains a token
      </h2>
      <p className="sx-callout sx-good">
        The new key <span className="kr-kid">{kid}</span> was added. Aidbox now accepts assertions signed with
        it or with the old keys.
      </p>
      {endpoints.isError ? (
        <p className="sx-callout sx-warn" role="alert">
          The token endpoint could not be discovered, so the key cannot be checked here.{' '}
          <Button size="sm" onClick={() => void endpoints.refetch()}>
            Try again
          </Button>
        </p>
      ) : null}
      {signing ? (
        <>
          <p>
            The console signs a client assertion with the new private key in this page and asks{' '}
            <span className="sx-mono">{token ?? 'the token endpoint'}</span> for a client_credentials token,
            as the service will. The token is revoked at once.
          </p>
          <ul className="sx-results" aria-live="polite">
            {outcome ? (
              <li className={outcome.kind === 'accepted' ? 'sx-ok' : 'sx-bad'}>
                <span aria-hidden="true">{outcome.kind === 'accepted' ? '✓ ' : '✗ '}</span>
                <strong>
                  {outcome.kind === 'accepted'
                    ? 'The new key works.'
                    : outcome.kind === 'refused'
                      ? 'The new key is refused.'
                      : 'The new key could not be tested.'}
                </strong>{' '}
                {outcome.detail}
              </li>
            ) : busy ? (
              <li>
                <Spinner size="sm" /> New key: checking…
              </li>
            ) : null}
          </ul>
          {outcome && outcome.kind !== 'accepted' ? (
            <div className="sx-actions">
              <Button
                onClick={() => {
                  setOutcome(undefined);
                  setRound((r) => r + 1);
                }}
              >
                Check again
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p>
            The private key of a pasted key is not in this page. Paste it for this check only (it stays in
            this page&apos;s memory and is forgotten when you leave), or confirm that you verified the key
            yourself.
          </p>
          <form
            className="kr-paste"
            onSubmit={(e) => {
              e.preventDefault();
              void checkPasted();
            }}
          >
            <TextField
              label="Private key for the check (JWK or PEM)"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              error={pasteError || undefined}
              help="Masked, never sent: only the signed assertion goes to Aidbox."
            />
            <Button type="submit" disabled={!pasted.trim()}>
              Check with this private key
            </Button>
          </form>
          <Checkbox
            label="I verified myself that the new key obtains a token"
            checked={selfChecked}
            onChange={(e) => {
              setSelfChecked(e.target.checked);
              onVerified(e.target.checked ? { kind: 'passed', how: 'self' } : { kind: 'pending' });
            }}
          />
        </>
      )}
      <div className="sx-actions">
        <Button variant="primary" disabled={busy} onClick={onNext}>
          Continue: remove the old key
        </Button>
      </div>
    </section>
  );
}
