// "Bring your own" public key (issue 12 §2): paste or upload a public JWK or JWK Set, checked live
// by the same validator as the review. Text holding private members is refused and cleared from
// the page at once: only sanitized public keys (domain/jwks-validate.ts) ever reach the caller.
import { useId, useState, type ChangeEvent } from 'react';
import type { PublicJwk, JwksValidation } from '../../domain/jwks-validate.ts';
import { privateMembersIn, validateAddition, type AnyJwk } from '../../domain/jwk-summary.ts';
import { Button } from '../ui/button.tsx';
import './keys.css';

export interface KeyImportProps {
  /** Keys already on the Client (or already chosen): their kids may not be reused. */
  existing: readonly AnyJwk[];
  onAdd: (keys: PublicJwk[]) => void;
  /** True while the box holds text that is not added (invalid, or valid but not yet added). */
  onDraftChange?: (hasDraft: boolean) => void;
}

const MAX_FILE_BYTES = 256 * 1024;

export function KeyImport({ existing, onAdd, onDraftChange }: KeyImportProps) {
  const textId = useId();
  const fileId = useId();
  const problemsId = useId();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [fileError, setFileError] = useState('');
  const [added, setAdded] = useState('');
  const check: JwksValidation | undefined = text.trim() ? validateAddition(existing, text) : undefined;

  function take(next: string) {
    setAdded('');
    setFileError('');
    const members = privateMembersIn(next);
    setRefused(members);
    // Private key text is dropped before it is kept anywhere, even in this box.
    const kept = members.length > 0 ? '' : next;
    setText(kept);
    onDraftChange?.(kept.trim() !== '');
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(
        'The file is larger than 256 KB: a JWK Set is a few kilobytes. Choose the public key file.',
      );
      return;
    }
    take(await file.text());
  }

  function add() {
    if (!check?.ok) return;
    onAdd(check.keys);
    setAdded(`Added ${check.keys.length === 1 ? '1 key' : `${check.keys.length} keys`}.`);
    setText('');
    onDraftChange?.(false);
  }

  const problems = check?.problems ?? [];
  return (
    <div className="keys-import">
      <div className="field">
        <label htmlFor={textId} className="field-label">
          Public JWK or JWK Set
        </label>
        <textarea
          id={textId}
          className="input textarea"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          value={text}
          placeholder='{"keys": [{"kty": "RSA", "kid": "…", "alg": "RS384", "use": "sig", "n": "…", "e": "AQAB"}]}'
          aria-invalid={check !== undefined && !check.ok ? true : undefined}
          aria-describedby={problemsId}
          onChange={(e) => take(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={fileId} className="field-label">
          Or upload a .json file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".json,.jwk,.jwks,application/json"
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div id={problemsId} className="keys-problems-box">
        {refused.length > 0 ? (
          <p className="field-error" role="alert">
            Refused: the text held private key material ({refused.join(', ')}), so it was cleared and nothing
            was kept. Paste the public key only, and treat this private key as exposed if it was shared.
          </p>
        ) : null}
        {fileError ? (
          <p className="field-error" role="alert">
            {fileError}
          </p>
        ) : null}
        {problems.length > 0 ? (
          <ul className="keys-problems">
            {problems.map((p, i) => (
              <li
                key={`${p.index ?? ''}-${i}`}
                className={p.level === 'error' ? 'keys-error' : 'keys-warning'}
              >
                {p.index !== undefined ? `Key ${p.index + 1}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="keys-actions">
        <Button variant="primary" disabled={!check?.ok} onClick={add}>
          {check?.ok && check.keys.length > 1 ? `Add ${check.keys.length} keys` : 'Add key'}
        </Button>
        <span role="status" className="keys-status">
          {added ||
            (check?.ok
              ? 'The key is valid but not added yet: choose Add, or it is not saved with the Client.'
              : '')}
        </span>
      </div>
    </div>
  );
}
