// SMART Backend Services (private_key_jwt, RFC 7523) in the playground: a private key pasted or
// generated here signs a client assertion, which authenticates a client_credentials request.
// The key lives only in this component: the pasted text in an uncontrolled masked field (React
// never copies it into an attribute), the key itself as a non-extractable CryptoKey in state. It is
// never in the URL, storage, the query cache, the run history or a log; switching Client or flow
// or leaving the page unmounts the panel and drops both. The signed assertion is shown decoded in
// its exchange (exchange-view.tsx).
import { useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import {
  assertionFormFields,
  signClientAssertion,
  type AssertionAlg,
} from '../../domain/client-assertion.ts';
import { tokenRequest } from '../../domain/oauth-request.ts';
import type { StoredClient } from '../../model/client.ts';
import { AssertionPreview } from './assertion-view.tsx';
import type { Endpoints } from './endpoints.ts';
import { GenerateKey, type GeneratedForPage } from './generate-key.tsx';
import type { Run } from './playground-store.ts';
import { importPrivateKey, KeyImportError, type ImportedKey } from './private-key.ts';
import type { RunApi } from './use-run.ts';

type Source = 'paste' | 'generate';

/** The Client's registered signing keys (kid and alg), to suggest a kid for a PEM. */
function clientKeys(client: StoredClient | undefined): { kid: string; alg: string | undefined }[] {
  return (client?.jwks ?? []).flatMap((k) =>
    typeof k.kid === 'string' ? [{ kid: k.kid, alg: typeof k.alg === 'string' ? k.alg : undefined }] : [],
  );
}

export function BackendServicesPanel({
  endpoints,
  clientId,
  client,
  scope,
  runApi,
  flowStart,
}: {
  endpoints: Endpoints;
  clientId: string;
  client: StoredClient | undefined;
  scope: string;
  runApi: RunApi;
  flowStart: () => Run;
}) {
  const ids = useId();
  const keyField = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source>('paste');
  const [pasted, setPasted] = useState<ImportedKey | null>(null);
  const [pasteError, setPasteError] = useState<string>();
  const [generated, setGenerated] = useState<GeneratedForPage | null>(null);
  const [kidInput, setKidInput] = useState('');
  const [signed, setSigned] = useState<string>();
  const [busy, setBusy] = useState(false);
  const registered = clientKeys(client);

  const signer = source === 'paste' ? pasted : generated;
  const soleKid = registered.length === 1 ? registered[0]?.kid : undefined;
  const kid = kidInput.trim() || signer?.kid || soleKid || '';
  const alg: AssertionAlg =
    signer?.alg ?? (registered.find((k) => k.kid === kid)?.alg === 'ES384' ? 'ES384' : 'RS384');
  const input = { clientId, tokenEndpoint: endpoints.token, kid, alg };

  async function readPasted(): Promise<ImportedKey | null> {
    const text = keyField.current?.value ?? '';
    if (text.trim() === '') {
      setPasted(null);
      setPasteError(undefined);
      return null;
    }
    const preferred = registered.find((k) => k.kid === kid)?.alg;
    try {
      const key = await importPrivateKey(text, preferred === 'ES384' ? 'ES384' : 'RS384');
      setPasted(key);
      setPasteError(undefined);
      return key;
    } catch (e) {
      setPasted(null);
      setPasteError(e instanceof KeyImportError ? e.message : 'The key could not be read.');
      return null;
    }
  }

  async function getToken() {
    setBusy(true);
    try {
      if (source === 'paste' && (keyField.current?.value ?? '').trim() === '') {
        setPasteError('Paste the private key first, or generate a key pair here.');
        return;
      }
      const key = source === 'paste' ? await readPasted() : generated;
      if (!key) return;
      const useKid = kidInput.trim() || key.kid || soleKid || '';
      const r = flowStart();
      let jwt: string;
      try {
        jwt = await signClientAssertion({ ...input, kid: useKid, alg: key.alg }, key.key);
      } catch (e) {
        runApi.note(r, {
          tone: 'error',
          text: `Not signed: ${e instanceof Error ? e.message : String(e)}`,
        });
        return;
      }
      setSigned(jwt);
      await send(r, jwt, 'Token request (client_credentials, signed assertion)');
    } finally {
      setBusy(false);
    }
  }

  async function send(r: Run, jwt: string, label: string) {
    const fields = Object.entries(assertionFormFields(jwt));
    await runApi.send(
      r,
      label,
      tokenRequest(endpoints.token, [['grant_type', 'client_credentials'], ['scope', scope], ...fields], {
        clientId,
        method: 'none',
      }),
    );
  }

  async function replay() {
    if (!signed) return;
    setBusy(true);
    try {
      await send(flowStart(), signed, 'Token request (the same assertion again)');
    } finally {
      setBusy(false);
    }
  }

  const ready = source === 'paste' ? true : generated !== null;
  return (
    // Not a <form>: a submitted form with a password field invites the browser to offer saving
    // it in its password manager, and this one holds a private key.
    <div className="pg-flow">
      <fieldset className="pg-choice">
        <legend>Signing key</legend>
        <label className="pg-check">
          <input
            type="radio"
            name={`${ids}-source`}
            checked={source === 'paste'}
            onChange={() => setSource('paste')}
          />
          Paste a key
        </label>
        <label className="pg-check">
          <input
            type="radio"
            name={`${ids}-source`}
            checked={source === 'generate'}
            onChange={() => setSource('generate')}
          />
          Generate a key pair here
        </label>
      </fieldset>
      {source === 'paste' ? (
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-key`}>
            Private key
          </label>
          <input
            ref={keyField}
            id={`${ids}-key`}
            className="input pg-mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-key-help`}
            aria-invalid={pasteError ? true : undefined}
            onChange={() => void readPasted()}
          />
          <p id={`${ids}-key-help`} className="field-help">
            A private JWK (alone, in a key set, or devbox’s demo key file) or a PKCS#8 PEM. Kept in this
            page’s memory only: never stored, never sent (only the signed assertion is), gone when you leave
            or switch Client.
          </p>
          {pasteError ? <p className="field-error">{pasteError}</p> : null}
          {pasted ? (
            <p className="pg-muted pg-small" role="status">
              Key ready: {pasted.alg}
              {pasted.kid ? `, kid ${pasted.kid}` : ', no kid in it (set one below)'}.
            </p>
          ) : null}
        </div>
      ) : (
        <GenerateKey generated={generated} onGenerated={setGenerated} />
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-kid`}>
          Key id (kid)
        </label>
        <input
          id={`${ids}-kid`}
          className="input"
          value={kidInput}
          placeholder={signer?.kid ?? soleKid ?? 'the kid of the Client’s public key'}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setKidInput(e.target.value)}
        />
        <p className="field-help">
          {registered.length > 0
            ? `The Client’s keys: ${registered.map((k) => `${k.kid}${k.alg ? ` (${k.alg})` : ''}`).join(', ')}.`
            : client?.jwks_uri
              ? `The Client’s keys are at ${client.jwks_uri}.`
              : 'Empty: the kid of the key is used.'}
        </p>
      </div>
      <AssertionPreview input={input} />
      <div className="pg-actions">
        <Button variant="primary" loading={busy} disabled={!ready} onClick={() => void getToken()}>
          Get token with key
        </Button>
        <Button disabled={!signed || busy} onClick={() => void replay()}>
          Send the same assertion again
        </Button>
      </div>
    </div>
  );
}
