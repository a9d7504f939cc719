// The Client's allowed scopes, parsed as they are typed (issue 12 §3): each scope with what it
// lets the app do, its error (blocks saving) or its lints (advice), and a preview of what a token
// request would be granted. Shared by the create page and the editor; the caller's form owns the
// value and the blocking error.
import { useMemo } from 'react';
import { TextArea, type TextAreaProps } from '../../components/form/text-field.tsx';
import { reviewScopes, type ScopeAdvice, type ScopeLine } from '../../domain/scope-check.ts';
import { ScopePreview } from './scope-preview.tsx';
import './scope-editor.css';

type ScopeEditorProps = Omit<TextAreaProps, 'label' | 'value'> & {
  /** The text as typed (the form's watched value). */
  value: string;
  error?: string | undefined;
};

export function ScopeEditor({ value, error, ...textarea }: ScopeEditorProps) {
  const review = useMemo(() => reviewScopes(value), [value]);
  const lintCount = review.lines.reduce((n, l) => n + l.lints.length, review.setLints.length);
  const scopes = review.lines.map((l) => l.raw);
  return (
    <div className="cc-scope-editor">
      <TextArea
        label="Allowed scopes"
        help={
          <>
            The scopes this Client may request: one per line or separated by spaces, SMART v1 or v2 (
            <code>patient/Observation.rs?category=laboratory</code>, <code>system/Patient.rs</code>,{' '}
            <code>openid</code>, <code>launch</code>). A token gets the requested ones this list covers.
          </>
        }
        rows={Math.min(8, Math.max(3, review.lines.length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        error={error}
        {...textarea}
      />
      {review.lines.length > 0 && (
        <>
          <p className="field-help" role="status">
            {summary(review.lines.length, review.errorCount, lintCount)}
            {review.patientFacing &&
              ' Patient-facing (it asks for launch/patient or patient/ scopes): write and wildcard scopes are flagged.'}
          </p>
          <ul className="cc-scope-list" aria-label="Scopes as Aidbox reads them">
            {review.lines.map((line) => (
              <ScopeItem key={line.raw} line={line} />
            ))}
          </ul>
          {review.setLints.map((l) => (
            <p key={l.rule} className="field-warning">
              ⚠ {l.message}
            </p>
          ))}
        </>
      )}
      <ScopePreview allowed={scopes} />
    </div>
  );
}

function ScopeItem({ line }: { line: ScopeLine }) {
  const state = line.error ? 'error' : line.lints.length > 0 ? 'warning' : 'ok';
  return (
    <li className={`cc-scope cc-scope-${state}`}>
      <code className="cc-scope-raw">{line.raw}</code>
      {line.meaning && <span className="cc-scope-meaning">{line.meaning}</span>}
      {line.error && <span className="field-error">✕ {line.error}</span>}
      {line.lints.map((l: ScopeAdvice) => (
        <span key={l.rule} className="field-warning">
          ⚠ {l.message}
        </span>
      ))}
    </li>
  );
}

function summary(count: number, errors: number, lints: number): string {
  const parts = [`${count} ${count === 1 ? 'scope' : 'scopes'}`];
  if (errors > 0) parts.push(`${errors} malformed`);
  if (lints > 0) parts.push(`${lints} ${lints === 1 ? 'warning' : 'warnings'}`);
  return `${parts.join(', ')}.`;
}
