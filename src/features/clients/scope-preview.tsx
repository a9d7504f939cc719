// "Which scopes would Aidbox grant?" for a request typed here (never saved): requested ∩ allowed
// (domain/scope-check.ts). An empty request is where Aidbox's docs are silent (decision 0080), so
// both readings are shown rather than one guessed.
import { useId, useMemo, useState } from 'react';
import { TextArea } from '../../components/form/text-field.tsx';
import { previewGrant } from '../../domain/scope-check.ts';

export function ScopePreview({ allowed }: { allowed: readonly string[] }) {
  const [requested, setRequested] = useState('');
  const preview = useMemo(() => previewGrant(requested, allowed), [requested, allowed]);
  const headingId = useId();
  return (
    <section className="cc-scope-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Preview a token request</h3>
      {/* A text area, not an input: Enter must not submit the surrounding form. */}
      <TextArea
        label="Requested scopes"
        help="What an app sends as scope=… at /auth/token or /auth/authorize. Only for this preview; not saved."
        rows={2}
        spellCheck={false}
        autoCapitalize="off"
        value={requested}
        onChange={(e) => setRequested(e.target.value)}
      />
      <div aria-live="polite" className="cc-scope-result">
        {preview.kind === 'unrestricted' ? (
          <>
            <p>
              This Client has no scope list, so Aidbox does not narrow the request; its AccessPolicies alone
              decide what the token can do.
            </p>
            <Scopes label="Granted" scopes={preview.granted} />
          </>
        ) : preview.kind === 'empty-request' ? (
          <>
            <p>
              No scope requested. Aidbox’s documentation does not say what it grants then, so be ready for
              both:
            </p>
            <Scopes label="A strict server grants" scopes={preview.strict} empty="nothing" />
            <Scopes label="Otherwise all the Client’s scopes" scopes={preview.alternate} />
          </>
        ) : (
          <>
            <Scopes label="Granted" scopes={preview.granted} empty="nothing" />
            {preview.refused.length > 0 && (
              <Scopes label="Not granted (no allowed scope covers them)" scopes={preview.refused} refused />
            )}
          </>
        )}
      </div>
    </section>
  );
}

function Scopes({
  label,
  scopes,
  empty = 'none',
  refused = false,
}: {
  label: string;
  scopes: readonly string[];
  empty?: string;
  refused?: boolean;
}) {
  return (
    <div className="cc-scope-row">
      <span className="cc-scope-row-label">{label}:</span>
      {scopes.length === 0 ? (
        <span className="cc-muted">{empty}</span>
      ) : (
        <ul className="cc-scope-chips">
          {scopes.map((s) => (
            <li key={s} className={refused ? 'cc-scope-chip cc-scope-chip-refused' : 'cc-scope-chip'}>
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
