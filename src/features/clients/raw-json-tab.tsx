import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { isJsonObject, mergePatch } from '../../domain/json-diff.ts';
import type { JsonObject } from '../../model/json.ts';
import { grantList, type ClientSubject } from '../../domain/client-grants.ts';
import { validateClient } from '../../domain/client-validation.ts';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ExistingProblems } from './existing-problems.tsx';

interface RawJsonTabProps {
  /** The Client as the form currently has it. */
  initial: JsonObject;
  loaded: ClientSubject;
  onApply: (json: JsonObject) => void;
  onSave: (json: JsonObject) => void;
  formError: string;
  /**
   * Told whether the text holds work a save would send (or unparsable text): the editor's leave
   * guard counts it like a dirty form. Told `false` when the tab closes, as its text goes with it.
   */
  onDraftChange?: (dirty: boolean) => void;
}

type Parsed = { ok: true; value: JsonObject } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value)
      ? { ok: true, value }
      : { ok: false, message: 'The JSON must be one object: { … }.' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'This is not valid JSON.' };
  }
}

/**
 * The whole Client as JSON, held to the same registration rules as the form. Unknown fields are
 * allowed and kept; `id`, `meta`, `secret` and `_secret` are never written from here.
 */
export function RawJsonTab({ initial, loaded, onApply, onSave, formError, onDraftChange }: RawJsonTabProps) {
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [override, setOverride] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const areaId = useId();
  const parsed = useMemo(() => parse(text), [text]);
  // Same test as the form's: only what a save would write counts (not `meta`, `id` or whitespace).
  const draftDirty = useMemo(
    () => !parsed.ok || Object.keys(mergePatch(initial, parsed.value)).length > 0,
    [parsed, initial],
  );
  const report = useRef(onDraftChange);
  useEffect(() => {
    report.current = onDraftChange;
  });
  useEffect(() => report.current?.(draftDirty), [draftDirty]);
  useEffect(() => () => report.current?.(false), []);
  const rules = parsed.ok
    ? validateClient(parsed.value, {
        isNew: false,
        clientKind: 'unknown',
        loaded: loaded.client,
        hasStoredSecret: loaded.hasSecret,
        legacyOverride: override,
      })
    : undefined;
  const newLegacy = parsed.ok
    ? grantList(parsed.value).filter(
        (g) => (g === 'implicit' || g === 'password') && !grantList(loaded.client).includes(g),
      )
    : [];
  const ignored = parsed.ok
    ? (['secret', '_secret', 'id', 'meta'] as const).filter(
        (k) => JSON.stringify(parsed.value[k]) !== JSON.stringify(initial[k]),
      )
    : [];
  const existing = rules?.existing ?? [];
  const blocked = !parsed.ok || (rules?.errors.length ?? 0) > 0 || (existing.length > 0 && !acknowledged);

  return (
    <div className="cc-form">
      <div className="cc-field">
        <label htmlFor={areaId}>Client JSON</label>
        <textarea
          id={areaId}
          rows={24}
          spellCheck={false}
          value={text}
          aria-invalid={blocked || undefined}
          aria-describedby={`${areaId}-status`}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div id={`${areaId}-status`} aria-live="polite">
        {!parsed.ok && <p className="field-error">JSON error: {parsed.message}</p>}
        {rules?.errors.map((i) => (
          <p key={`${i.path}:${i.message}`} className="field-error">
            <span className="cc-mono">{i.path || 'Client'}</span>: {i.message}
          </p>
        ))}
        {rules?.warnings.map((i) => (
          <p key={`${i.path}:${i.message}`} className="field-warning">
            ⚠ <span className="cc-mono">{i.path || 'Client'}</span>: {i.message}
          </p>
        ))}
        {ignored.length > 0 && (
          <p className="field-warning">
            ⚠ Changes to {ignored.join(', ')} are ignored here: ids and versions are the server’s, and secrets
            are rotated separately.
          </p>
        )}
      </div>
      {newLegacy.length > 0 && (
        <Checkbox
          label={`I need the legacy ${newLegacy.join(' and ')} grant for an existing integration and accept the risk (RFC 9700)`}
          checked={override}
          onChange={(e) => setOverride(e.target.checked)}
        />
      )}
      <ExistingProblems
        issues={existing}
        acknowledged={acknowledged}
        onAcknowledge={setAcknowledged}
        blocked={false}
      />
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="cc-sticky-actions">
        <Button variant="primary" disabled={blocked} onClick={() => parsed.ok && onSave(parsed.value)}>
          Save JSON
        </Button>
        <Button disabled={!parsed.ok} onClick={() => parsed.ok && onApply(parsed.value)}>
          Edit this in the form
        </Button>
      </div>
    </div>
  );
}
