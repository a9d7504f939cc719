import { useEffect, useState, type Ref } from 'react';
import { useConsoleConfig } from '../../config/config-context.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import type { VerifyMethod } from '../../domain/secret-impact.ts';
import { probe, type ProbeOutcome } from './verify.ts';

interface VerifyStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  method: VerifyMethod;
  secret: string;
  oldSecret: string;
  onNext: () => void;
}

interface Results {
  fresh: ProbeOutcome | undefined;
  old: ProbeOutcome | undefined;
}

const METHOD_TEXT = {
  client_credentials: 'a client_credentials token request to /auth/token',
  basic: 'a Basic-authenticated read of the Client',
} as const;

/** Step 4: ask Aidbox itself whether the new secret works and the old one no longer does. */
export function VerifyStep({ headingRef, clientId, method, secret, oldSecret, onNext }: VerifyStepProps) {
  const { aidboxUrl } = useConsoleConfig();
  const [results, setResults] = useState<Results>({ fresh: undefined, old: undefined });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (method === 'none') return;
    let live = true;
    void (async () => {
      const fresh = await probe(method, aidboxUrl, clientId, secret);
      if (live) setResults({ fresh, old: undefined });
      if (!oldSecret) return;
      const old = await probe(method, aidboxUrl, clientId, oldSecret);
      if (live) setResults({ fresh, old });
    })();
    return () => {
      live = false;
    };
  }, [method, aidboxUrl, clientId, secret, oldSecret, round]);

  const busy = method !== 'none' && (!results.fresh || (oldSecret !== '' && !results.old));
  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 4: verify with Aidbox
      </h2>
      <p className="sx-callout sx-good">
        The secret was rotated. Aidbox now accepts only the new secret for{' '}
        <span className="sx-mono">{clientId}</span>.
      </p>
      {method === 'none' ? (
        <p>
          This Client has neither client_credentials nor basic, so the console cannot test the secret itself:
          test it with one of the Client&apos;s callers.
        </p>
      ) : (
        <>
          <p>
            The console checks it as a caller would: {METHOD_TEXT[method]}. Any token obtained is revoked at
            once.
          </p>
          <ul className="sx-results" aria-live="polite">
            <Result label="New secret" outcome={results.fresh} want="accepted" />
            {oldSecret ? <Result label="Old secret" outcome={results.old} want="refused" /> : null}
          </ul>
          {!busy &&
          (results.fresh?.kind !== 'accepted' || (results.old && results.old.kind !== 'refused')) ? (
            <Button
              onClick={() => {
                setResults({ fresh: undefined, old: undefined });
                setRound((r) => r + 1);
              }}
            >
              Check again
            </Button>
          ) : null}
        </>
      )}
      <div className="sx-actions">
        <Button variant="primary" disabled={busy} onClick={onNext}>
          Continue: hand over the new secret
        </Button>
      </div>
    </section>
  );
}

function Result({
  label,
  outcome,
  want,
}: {
  label: string;
  outcome: ProbeOutcome | undefined;
  want: ProbeOutcome['kind'];
}) {
  if (!outcome) {
    return (
      <li>
        <Spinner size="sm" /> {label}: checking…
      </li>
    );
  }
  const good = outcome.kind === want;
  const verdict =
    outcome.kind === 'accepted' ? 'works' : outcome.kind === 'refused' ? 'is refused' : 'could not be tested';
  return (
    <li className={good ? 'sx-ok' : 'sx-bad'}>
      <span aria-hidden="true">{good ? '✓ ' : '✗ '}</span>
      <strong>
        {label} {verdict}.
      </strong>{' '}
      {outcome.detail}
      {!good && want === 'accepted' && outcome.kind === 'refused'
        ? ' Aidbox may need a moment; check again. If it stays refused, rotate again.'
        : null}
      {!good && want === 'refused' && outcome.kind === 'accepted'
        ? ' The old secret still works: the value you pasted may not be the old secret, or Aidbox caches secrets.'
        : null}
    </li>
  );
}
