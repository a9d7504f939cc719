// Generates a signing key pair in the browser (WebCrypto through domain/key-export.ts) and shows the
// private half once. The parent receives the whole GeneratedSigningKey (its CryptoKey lets the key
// rotation sign in memory); this component keeps only what the one-time view needs, and drops it
// when the user is done or the component unmounts.
import { useId, useState } from 'react';
import {
  generateSigningKey,
  type GeneratedSigningKey,
  type SmartSigningAlg,
} from '../../domain/key-export.ts';
import { Button } from '../ui/button.tsx';
import { PrivateKeyOnce, type PrivateKeyMaterial } from './private-key-once.tsx';
import './keys.css';

export interface KeyGeneratorProps {
  clientId: string;
  onGenerated: (key: GeneratedSigningKey) => void;
  /** The private key was downloaded or the user said it is stored: the one-time view has closed. */
  onDone?: () => void;
  /**
   * True from generation until the private key is downloaded (one file is enough) or the user says
   * it is stored: a parent can refuse to write a public key whose private half nobody holds yet.
   */
  onPendingChange?: (pending: boolean) => void;
}

const ALGS: { alg: SmartSigningAlg; label: string; help: string }[] = [
  {
    alg: 'RS384',
    label: 'RS384 (RSA 2048-bit)',
    help: 'The algorithm Aidbox documents for private_key_jwt. Choose it unless you know you need ES384.',
  },
  {
    alg: 'ES384',
    label: 'ES384 (EC P-384)',
    help: 'SMART Backend Services also names ES384, but Aidbox documents RS384 only (and RSA members only for a Client’s jwks): use it only where you know the server accepts it.',
  },
];

export function KeyGenerator({ clientId, onGenerated, onDone, onPendingChange }: KeyGeneratorProps) {
  const name = useId();
  const [alg, setAlg] = useState<SmartSigningAlg>('RS384');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [pending, setPending] = useState<PrivateKeyMaterial>();
  const [last, setLast] = useState<{ kid: string; alg: SmartSigningAlg }>();

  async function generate() {
    setBusy(true);
    setError('');
    try {
      const key = await generateSigningKey(alg);
      setPending({ kid: key.kid, alg: key.alg, privateJwk: key.privateJwk, privatePem: key.privatePem });
      setLast({ kid: key.kid, alg: key.alg });
      onGenerated(key);
      onPendingChange?.(true);
    } catch {
      setError('This browser could not generate the key pair (WebCrypto refused). Try another browser.');
    } finally {
      setBusy(false);
    }
  }

  if (pending) {
    return (
      <PrivateKeyOnce
        clientId={clientId}
        material={pending}
        onSaved={() => onPendingChange?.(false)}
        onDone={() => {
          setPending(undefined);
          onPendingChange?.(false);
          onDone?.();
        }}
      />
    );
  }
  return (
    <div className="keys-generator">
      <fieldset className="field keys-algs">
        <legend className="field-label">Algorithm</legend>
        {ALGS.map((a) => (
          <div key={a.alg} className="keys-alg">
            <input
              id={`${name}-${a.alg}`}
              type="radio"
              name={name}
              value={a.alg}
              checked={alg === a.alg}
              aria-describedby={`${name}-${a.alg}-help`}
              onChange={() => setAlg(a.alg)}
            />
            <span>
              <label htmlFor={`${name}-${a.alg}`}>
                <strong>{a.label}</strong>
              </label>
              <span id={`${name}-${a.alg}-help`} className="field-help">
                {a.help}
              </span>
            </span>
          </div>
        ))}
      </fieldset>
      <p className="field-help">
        The key pair is made in this browser. Only the public key is added to the Client; the private key is
        offered once for download and never stored or sent.
      </p>
      <div className="keys-actions">
        <Button variant="primary" loading={busy} onClick={() => void generate()}>
          {last ? 'Generate another key pair' : 'Generate key pair'}
        </Button>
      </div>
      <p role="status" className="keys-status">
        {last ? `Key ${last.kid} (${last.alg}) generated. Its private key is no longer shown here.` : ''}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
