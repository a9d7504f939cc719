// Key setup for a key-based Client (issue 12 §2): the keys chosen so far, and three ways to add
// them: generate in the browser, paste or upload a public JWK/JWK Set, or a jwks_uri. Controlled:
// the parent holds the public keys and the URI; a generated private key stays inside KeyGenerator.
import { useEffect, useId, useRef, useState } from 'react';
import { checkJwksUri, type PublicJwk } from '../../domain/jwks-validate.ts';
import { keyRows } from '../../domain/jwk-summary.ts';
import { Tabs } from '../ui/tabs.tsx';
import { KeyGenerator } from './key-generator.tsx';
import { KeyImport } from './key-import.tsx';
import { KeyTable } from './key-table.tsx';
import './keys.css';

export interface KeySetupValue {
  jwks?: PublicJwk[];
  jwks_uri?: string;
}

export interface KeySetupProps {
  clientId: string;
  value: KeySetupValue;
  /**
   * `valid`: there is at least one key or a usable jwks_uri, no key has an error, no pasted text
   * waits to be added (so nothing the admin typed is silently dropped), and no generated private key
   * waits to be downloaded (so no Client is written with a key nobody holds).
   */
  onChange: (value: KeySetupValue, valid: boolean) => void;
}

type Way = 'generate' | 'paste' | 'uri';

const WAYS: { id: Way; label: string }[] = [
  { id: 'generate', label: 'Generate in the browser' },
  { id: 'paste', label: 'Paste or upload' },
  { id: 'uri', label: 'JWKS URI' },
];

/** Whether a key setup can be written: the rule `valid` in onChange follows. */
export function keySetupValid(value: KeySetupValue, draftPending = false): boolean {
  const keys = value.jwks ?? [];
  const uri = value.jwks_uri?.trim() ?? '';
  if (draftPending) return false;
  if (uri !== '' && checkJwksUri(uri) !== undefined) return false;
  if (keyRows(keys).some((r) => r.problems.some((p) => p.level === 'error'))) return false;
  return keys.length > 0 || uri !== '';
}

export function KeySetup({ clientId, value, onChange }: KeySetupProps) {
  const uriId = useId();
  const [way, setWay] = useState<Way>('generate');
  const [draft, setDraft] = useState(false);
  const keys = value.jwks ?? [];
  const uri = value.jwks_uri ?? '';
  const uriError = uri.trim() ? checkJwksUri(uri) : undefined;

  // The generator and the import call back after awaits: read the newest value, not a stale render's.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  // A generated private key not yet downloaded counts as pending work too: writing the Client now
  // would register a public key whose private half is about to be lost.
  const [keyPending, setKeyPending] = useState(false);
  function emit(next: KeySetupValue, pending = draft || keyPending) {
    latest.current = next;
    onChange(next, keySetupValid(next, pending));
  }
  function addKeys(add: PublicJwk[]) {
    emit({ ...latest.current, jwks: [...(latest.current.jwks ?? []), ...add] });
  }

  return (
    <div className="keys-setup">
      <KeyTable
        keys={keys}
        caption="Public keys to register"
        onRemove={(_kid, index) => emit({ ...value, jwks: keys.filter((_, i) => i !== index) })}
      />
      {/* Every way stays mounted (hidden when its tab is not chosen): switching tabs must not drop
          a private key not yet downloaded, or text not yet added. */}
      <Tabs label="How to add a key" value={way} onChange={setWay} items={WAYS}>
        <div hidden={way !== 'generate'}>
          <KeyGenerator
            clientId={clientId}
            onGenerated={(key) => {
              const cur = latest.current;
              emit({ ...cur, jwks: [...(cur.jwks ?? []), { ...key.publicJwk }] }, true);
            }}
            // One downloaded file (or "I have stored it") is enough: then someone holds the key.
            onPendingChange={(pending) => {
              setKeyPending(pending);
              emit(latest.current, draft || pending);
            }}
          />
        </div>
        <div hidden={way !== 'paste'}>
          <KeyImport
            existing={keys}
            onAdd={addKeys}
            onDraftChange={(pending) => {
              setDraft(pending);
              emit(latest.current, pending || keyPending);
            }}
          />
        </div>
        <div hidden={way !== 'uri'}>
          <div className="field">
            <label htmlFor={uriId} className="field-label">
              JWK Set URL (jwks_uri)
            </label>
            <input
              id={uriId}
              className="input"
              type="url"
              spellCheck={false}
              autoComplete="off"
              value={uri}
              aria-invalid={uriError ? true : undefined}
              aria-describedby={`${uriId}-help${uriError ? ` ${uriId}-error` : ''}`}
              onChange={(e) => emit({ ...value, jwks_uri: e.target.value })}
            />
            <p id={`${uriId}-help`} className="field-help">
              Where the application publishes its public keys (https; plain http only on localhost, for
              development). Aidbox fetches it to check each client assertion, so rotation happens there.
              Register keys or a JWKS URI, not both: Aidbox&apos;s docs do not say which one it uses when a
              Client has both.
            </p>
            {uriError ? (
              <p id={`${uriId}-error`} className="field-error">
                {uriError}
              </p>
            ) : null}
          </div>
        </div>
      </Tabs>
    </div>
  );
}
