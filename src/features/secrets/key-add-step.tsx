import { useId, useState, type Ref } from 'react';
import { TextArea } from '../../components/form/text-field.tsx';
import { KeyGenerator } from '../../components/keys/key-generator.tsx';
import { KeyTable } from '../../components/keys/key-table.tsx';
import { Button } from '../../components/ui/button.tsx';
import { validateJwksText, type PublicJwk } from '../../domain/jwks-validate.ts';
import type { GeneratedSigningKey } from '../../domain/key-export.ts';
import { withNewKey } from './key-rotation-plan.ts';
import type { SigningKey } from './key-verify.ts';

/** The key being rotated in. `signing` exists only for a key generated here (memory only). */
export interface NewKey {
  publicJwk: PublicJwk;
  signing: SigningKey | undefined;
}

interface KeyAddStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  clientId: string;
  current: PublicJwk[];
  writing: boolean;
  onBack: () => void;
  onAdd: (jwks: PublicJwk[], key: NewKey) => void;
}

type Mode = 'generate' | 'paste';

/** Keeps the CryptoKey for signing; the private JWK and PEM stay with the one-time download panel. */
function fromGenerated(key: GeneratedSigningKey): NewKey {
  return {
    publicJwk: { ...key.publicJwk },
    signing: { kid: key.kid, alg: key.alg, privateKey: key.privateKey },
  };
}

/** Step 2: the new key, written beside the old ones, so both sign until the old ones go. */
export function KeyAddStep({ headingRef, clientId, current, writing, onBack, onAdd }: KeyAddStepProps) {
  const name = useId();
  const [mode, setMode] = useState<Mode>('generate');
  const [generated, setGenerated] = useState<NewKey>();
  const [stored, setStored] = useState(false);
  const [text, setText] = useState('');
  const pasted = text.trim() ? validateJwksText(text) : undefined;
  const pastedKey = pasted?.ok && pasted.keys.length === 1 ? pasted.keys[0] : undefined;
  const candidate: NewKey | undefined =
    mode === 'generate' ? generated : pastedKey ? { publicJwk: pastedKey, signing: undefined } : undefined;
  const plan = candidate ? withNewKey(current, candidate.publicJwk) : undefined;
  // A generated key may be written only once its private half is safe with the admin: this step's
  // end unmounts the one-time download panel.
  const ready = plan?.ok === true && (mode === 'paste' || stored) && !writing;

  return (
    <section className="sx-step" aria-labelledby="sx-step-title">
      <h2 id="sx-step-title" ref={headingRef} tabIndex={-1}>
        Step 2: add the new key beside the old one
      </h2>
      <fieldset className="sx-choice">
        <legend>Where the new key comes from</legend>
        <label className="sx-radio">
          <input
            type="radio"
            name={name}
            checked={mode === 'generate'}
            onChange={() => setMode('generate')}
          />
          <span>
            <strong>Generate in this browser (recommended)</strong> — the console can then prove the key with
            Aidbox itself before the old one is removed.
          </span>
        </label>
        <label className="sx-radio">
          <input type="radio" name={name} checked={mode === 'paste'} onChange={() => setMode('paste')} />
          <span>
            <strong>Paste the public key</strong> — for a key pair made where it is used (an HSM, a vault).
            You verify it yourself, or paste its private key for the check only.
          </span>
        </label>
      </fieldset>
      {mode === 'generate' ? (
        <KeyGenerator
          clientId={clientId}
          onGenerated={(key) => {
            setGenerated(fromGenerated(key));
            setStored(false);
          }}
          onDone={() => setStored(true)}
        />
      ) : (
        <TextArea
          label="New public key (JWK)"
          rows={8}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          help='One public JWK, or a JWK Set with one key: {"kty": "RSA", "kid": …, "n": …, "e": …}.'
          error={
            pasted && !pasted.ok
              ? pasted.problems.map((p) => p.message).join(' ')
              : pasted && pasted.keys.length > 1
                ? 'Paste one key: a rotation adds exactly one new key.'
                : undefined
          }
        />
      )}
      {plan && !plan.ok ? (
        <p className="sx-callout sx-danger" role="alert">
          {plan.message}
        </p>
      ) : null}
      {plan?.ok ? (
        <>
          <h3>After this step</h3>
          <p>
            Aidbox accepts assertions signed with any of these keys. Nothing breaks: callers still signing
            with the old key keep working.
          </p>
          <KeyTable keys={plan.jwks} caption="The Client's keys after adding the new one" />
          {mode === 'generate' && !stored ? (
            <p className="sx-callout sx-warn">Download the private key (or say you stored it) to go on.</p>
          ) : null}
        </>
      ) : null}
      <div className="sx-actions">
        <Button onClick={onBack} disabled={writing}>
          Back
        </Button>
        <Button
          variant="primary"
          disabled={!ready}
          loading={writing}
          onClick={() => {
            if (plan?.ok && candidate) onAdd(plan.jwks, candidate);
          }}
        >
          Add the new key
        </Button>
      </div>
    </section>
  );
}
