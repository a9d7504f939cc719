// A throw-away key pair for trying the backend-services flow: generated here (WebCrypto), its public
// JWK offered for copying onto the Client, its private half kept only as a CryptoKey in the
// playground's memory. Unlike key setup in the Client editor, nothing is downloadable: a key you
// want to keep is made in the editor (shown once, downloaded there).
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { generateSigningKey, type PublicSigningJwk, type SmartSigningAlg } from '../../domain/key-export.ts';

export interface GeneratedForPage {
  key: CryptoKey;
  alg: SmartSigningAlg;
  kid: string;
  publicJwk: PublicSigningJwk;
}

export function GenerateKey({
  generated,
  onGenerated,
}: {
  generated: GeneratedForPage | null;
  onGenerated: (g: GeneratedForPage) => void;
}) {
  const ids = useId();
  const [alg, setAlg] = useState<SmartSigningAlg>('RS384');
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  const publicText = generated ? JSON.stringify(generated.publicJwk, null, 2) : '';

  async function generate() {
    setBusy(true);
    try {
      // Only the CryptoKey and the public half are kept; the exports for a download are dropped here.
      const { privateKey, publicJwk, kid } = await generateSigningKey(alg);
      onGenerated({ key: privateKey, alg, kid, publicJwk });
      setCopied('idle');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pg-generate">
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-alg`}>
          Algorithm
        </label>
        <select
          id={`${ids}-alg`}
          className="input"
          value={alg}
          onChange={(e) => setAlg(e.target.value === 'ES384' ? 'ES384' : 'RS384')}
        >
          <option value="RS384">RS384 (RSA, as Aidbox documents)</option>
          <option value="ES384">ES384 (EC P-384)</option>
        </select>
      </div>
      <Button loading={busy} onClick={() => void generate()}>
        {generated ? 'Generate another key pair' : 'Generate a key pair'}
      </Button>
      {generated ? (
        <>
          <p className="pg-note">
            Add this public key to the Client’s jwks (Client editor, Keys) before you get a token: Aidbox only
            trusts keys registered on the Client. The private key stays in this page and is gone when you
            leave or switch Client.
          </p>
          <pre className="pg-pre" aria-label="Public JWK">
            {publicText}
          </pre>
          <Button
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(publicText).then(
                () => setCopied('copied'),
                () => setCopied('refused'),
              );
            }}
          >
            {copied === 'copied' ? 'Copied' : 'Copy public JWK'}
          </Button>
          {copied === 'refused' ? (
            <p className="field-error">
              The browser refused the clipboard: select the key above and copy it.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
