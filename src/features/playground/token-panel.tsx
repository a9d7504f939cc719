// The token inspector card: a token from a run, or one pasted by the developer.
import { useId, useState } from 'react';
import { TokenInspector } from './token-inspector.tsx';

export function TokenPanel({
  initial,
  issuer,
  jwksUri,
  onIntrospect,
}: {
  initial: { token: string; label: string } | null;
  issuer: string | undefined;
  jwksUri: string | undefined;
  onIntrospect: (token: string) => void;
}) {
  const ids = useId();
  const [value, setValue] = useState(initial?.token ?? '');
  return (
    <section className="pg-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Token inspector{initial ? `: ${initial.label}` : ''}</h2>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-t`}>
          Token
        </label>
        <textarea
          id={`${ids}-t`}
          className="textarea input pg-mono"
          rows={3}
          spellCheck={false}
          value={value}
          placeholder="Paste a JWT or an opaque token"
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      {value.trim() !== '' ? (
        <TokenInspector token={value} issuer={issuer} jwksUri={jwksUri} onIntrospect={onIntrospect} />
      ) : null}
    </section>
  );
}
