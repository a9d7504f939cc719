// Try the API with the playground token (never the console's): method, path under /fhir, optional
// body. Then ask Aidbox which policy decided, by repeating the request with `__debug=policy`.
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { bearerRequest, type HttpMethod } from '../../domain/oauth-request.ts';
import { ExchangeView } from './exchange-view.tsx';
import { sendExchange, type Exchange } from './exchange.ts';
import { PolicyDebug } from './policy-debug.tsx';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function ApiTryout({
  base,
  token,
  path,
  onPath,
  method,
  onMethod,
  clientId,
}: {
  base: string;
  token: string | undefined;
  path: string;
  onPath: (p: string) => void;
  method: HttpMethod;
  onMethod: (m: HttpMethod) => void;
  /** the Client the token was issued to: without dev mode the console decides locally for it */
  clientId?: string;
}) {
  const ids = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ main: Exchange; debug?: Exchange } | null>(null);
  const pathOk = /^\/fhir(\/|\?|$)/.test(path);

  async function explain(main: Exchange, tokenValue: string) {
    const url = new URL(base + path);
    url.searchParams.append('__debug', 'policy');
    const debug = await sendExchange(
      'Policy debug (__debug=policy)',
      bearerRequest(method, url.toString(), tokenValue, body),
    );
    setResult({ main, debug });
  }

  async function send() {
    if (!token || !pathOk) return;
    setBusy(true);
    try {
      const main = await sendExchange(
        `API: ${method} ${path}`,
        bearerRequest(method, base + path, token, body),
      );
      setResult({ main });
      const status = main.response?.status ?? 0;
      // Reads are safe to repeat; for writes, only a refusal (nothing executed) is repeated by itself.
      if (method === 'GET' || status === 401 || status === 403) await explain(main, token);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="pg-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Try the API</h2>
      {!token ? (
        <p className="pg-muted">Run a flow first: requests are sent with the playground’s access token.</p>
      ) : null}
      <form
        className="pg-api-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-m`}>
            Method
          </label>
          <select
            id={`${ids}-m`}
            className="input"
            value={method}
            onChange={(e) => onMethod(e.target.value as HttpMethod)}
          >
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="field pg-grow">
          <label className="field-label" htmlFor={`${ids}-p`}>
            Path
          </label>
          <input
            id={`${ids}-p`}
            className="input"
            value={path}
            spellCheck={false}
            aria-invalid={!pathOk || undefined}
            aria-describedby={`${ids}-p-help`}
            onChange={(e) => onPath(e.target.value)}
          />
          <p id={`${ids}-p-help`} className={pathOk ? 'field-help' : 'field-error'}>
            {pathOk ? `Sent to ${base}${path}` : 'The path must start with /fhir.'}
          </p>
        </div>
        {method !== 'GET' && method !== 'DELETE' ? (
          <div className="field pg-full">
            <label className="field-label" htmlFor={`${ids}-b`}>
              Body (JSON)
            </label>
            <textarea
              id={`${ids}-b`}
              className="textarea input"
              rows={5}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
        ) : null}
        <Button type="submit" variant="primary" disabled={!token || !pathOk} loading={busy}>
          Send with the playground token
        </Button>
      </form>
      {result ? (
        <>
          <ExchangeView exchange={result.main} />
          {result.debug ? (
            <>
              <h3>Which policy decided</h3>
              <PolicyDebug
                exchange={result.debug}
                local={token && clientId ? { method, path, body, token, clientId } : undefined}
              />
              <details>
                <summary>The debug exchange</summary>
                <ExchangeView exchange={result.debug} />
              </details>
            </>
          ) : token ? (
            <Button onClick={() => void explain(result.main, token)}>Explain which policy decided</Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
