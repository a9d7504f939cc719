import { useState } from 'react';
import { Select } from '../../components/form/choice-fields.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { kidOf } from './key-rotation-plan.ts';

/**
 * For a rotation left half-way (the new key added, the old ones not yet removed): pick the key that
 * is already the new one and go on to its check, instead of adding yet another key. Its private key
 * is not in this page, so the check asks for it (or for the admin's word), as for a pasted key.
 */
export function KeyResume({ keys, onResume }: { keys: PublicJwk[]; onResume: (key: PublicJwk) => void }) {
  const kids = keys.map(kidOf).filter((kid) => kid !== '');
  const [chosen, setChosen] = useState(kids.at(-1) ?? '');
  const key = keys.find((k) => kidOf(k) === chosen);
  if (kids.length < 2) return null;
  return (
    <div className="sx-callout kr-resume">
      <p>
        <strong>Already added the new key?</strong> A rotation left half-way goes on from its check: choose
        the key that replaces the others.
      </p>
      <Select
        label="The new key"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        options={kids.map((kid) => ({ value: kid, label: kid }))}
      />
      <div className="sx-actions">
        <Button disabled={!key} onClick={() => key && onResume(key)}>
          Verify this key, then remove the others
        </Button>
      </div>
    </div>
  );
}
