import { useId, useState, type Ref } from 'react';
import { TextField } from '../../components/form/text-field.tsx';
import { Button } from '../../components/ui/button.tsx';
import { generateSecret } from '../../domain/secret.ts';
import { EstimateView } from './estimate-view.tsx';
import { useSecretEstimate } from './use-secret-estimate.ts';

export interface SecretChoice {
  mode: 'generate' | 'own';
  /** The new secret (plaintext, component state only). */
  secret: string;
  /** The current secret, if the admin pasted it: refused as the new one, and tested after rotation. */
  oldSecret: string;
}

interface SecretStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  clientName: string | undefined;
  choice: SecretChoice;
  onChange: (choice: SecretChoice) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: a generated secret by default, or the admin's own, judged live. */
export function SecretStep({
  headingRef,
  clientId,
  clientName,
  choice,
  onChange,
  onBack,
  onNext,
}: SecretStepProps) {
  const [show, setShow] = useState(false);
  const name = useId();
  const own = choice.mode === 'own';
  const { estimate, loadFailed } = useSecretEstimate(
    choice.secret,
    { clientId, clientName, currentSecret: choice.oldSecret || undefined },
    own,
  );
  const reused = !own && choice.oldSecret !== '' && choice.oldSecret === choice.secret;
  const ready = own
    ? estimate?.verdict === 'accept' || estimate?.verdict === 'warn'
    : !reused && choice.secret !== '';

  function pick(mode: SecretChoice['mode']) {
    // Never carry a generated secret into the text box, or a typed one into "generate".
    onChange({ ...choice, mode, secret: mode === 'generate' ? generateSecret() : '' });
  }

  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 2: the new secret
      </h2>
      <fieldset className="sx-choice">
        <legend>Where the new secret comes from</legend>
        <label className="sx-radio">
          <input type="radio" name={name} checked={!own} onChange={() => pick('generate')} />
          <span>
            <strong>Generate (recommended)</strong> — 32 random bytes from the browser&apos;s cryptographic
            generator, base64url: 43 characters, 256 bits. It is shown once, after it is saved.
          </span>
        </label>
        <label className="sx-radio">
          <input type="radio" name={name} checked={own} onChange={() => pick('own')} />
          <span>
            <strong>Use my own</strong> — for a value that must match one already deployed. It must resist
            guessing: at least 128 bits, 160 recommended (RFC 6749 §10.10).
          </span>
        </label>
      </fieldset>
      {own ? (
        <div className="sx-own">
          <TextField
            label="Your secret"
            type={show ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={choice.secret}
            onChange={(e) => onChange({ ...choice, secret: e.target.value })}
            help="Printable ASCII, no spaces at either end. Pasting is fine."
          />
          <Button size="sm" aria-pressed={show} onClick={() => setShow((s) => !s)}>
            {show ? 'Hide secret' : 'Show secret'}
          </Button>
          <EstimateView value={choice.secret} estimate={estimate} loadFailed={loadFailed} />
        </div>
      ) : null}
      <TextField
        label="Current secret (optional)"
        type="password"
        autoComplete="off"
        value={choice.oldSecret}
        onChange={(e) => onChange({ ...choice, oldSecret: e.target.value })}
        help="If you have it at hand: the console refuses to reuse it, and after the change shows that Aidbox refuses it. It is never sent anywhere else."
        error={reused ? 'The new secret equals the current one: generate again.' : undefined}
      />
      <div className="sx-actions">
        <Button onClick={onBack}>Back</Button>
        <Button variant="primary" disabled={!ready} onClick={onNext}>
          Continue: confirm
        </Button>
      </div>
    </section>
  );
}
