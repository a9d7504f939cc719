// One HTTP exchange, exactly as sent and received: method, URL, headers, body, the answer, and a
// copyable curl. Secrets are masked per value until revealed; every server value is plain text.
import { useState } from 'react';
import {
  curlCommand,
  isSensitiveField,
  isSensitiveHeader,
  type SecretKey,
} from '../../domain/oauth-request.ts';
import { Button } from '../../components/ui/button.tsx';
import { adviseOAuthError, oauthErrorOf } from '../../domain/oauth-request-errors.ts';
import { adviseAssertionError } from './assertion-advice.ts';
import { SignedAssertion } from './assertion-view.tsx';
import type { Exchange } from './exchange.ts';
import { RevealValue } from './reveal-value.tsx';
import { SmartFieldsView } from './smart-fields-view.tsx';

const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;
const MAX_BODY_CHARS = 20_000;

type RevealKey = SecretKey | `response:${string}`;

export function ExchangeView({
  exchange,
  onInspect,
}: {
  exchange: Exchange;
  onInspect?: (token: string, label: string) => void;
}) {
  const [revealed, setRevealed] = useState<ReadonlySet<RevealKey>>(new Set());
  const [copied, setCopied] = useState(false);
  const isRevealed = (k: RevealKey) => revealed.has(k);
  const toggle = (k: RevealKey) =>
    setRevealed((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  const { request, response } = exchange;
  const curl = curlCommand(request, isRevealed);
  const json = response?.json;
  const tokens =
    json && typeof json === 'object' && !Array.isArray(json)
      ? TOKEN_FIELDS.flatMap((f) => {
          const v = (json as Record<string, unknown>)[f];
          return typeof v === 'string' ? [[f, v] as const] : [];
        })
      : [];
  const assertion = sentAssertion(exchange);
  const oauthError = response && response.status >= 400 ? oauthErrorOf(json) : undefined;
  const advice = !oauthError
    ? undefined
    : oauthError.error === 'invalid_client' && assertion
      ? adviseAssertionError(oauthError.description)
      : adviseOAuthError(oauthError.error, oauthError.description);

  return (
    <section className="pg-exchange" aria-label={exchange.label}>
      <header className="pg-exchange-head">
        <h3>{exchange.label}</h3>
        {response ? (
          <span className={`badge ${response.status < 400 ? 'badge-success' : 'badge-danger'}`}>
            HTTP {response.status}
          </span>
        ) : (
          <span className="badge badge-danger">No response</span>
        )}
        <span className="pg-muted pg-small">{exchange.durationMs} ms</span>
      </header>

      {advice && oauthError ? (
        <div className="pg-advice" role="alert">
          <p className="pg-advice-title">{advice.title}</p>
          {oauthError.description ? <p>Aidbox says: “{oauthError.description}”</p> : null}
          <p>What to check: {advice.next}</p>
        </div>
      ) : null}
      {exchange.failure ? (
        <p className="pg-advice" role="alert">
          {exchange.failure}
        </p>
      ) : null}

      <h4>Request</h4>
      <pre className="pg-pre">
        {request.method} {request.url}
      </pre>
      <MaskedPairs
        pairs={request.headers}
        keyOf={(name) => `header:${name.toLowerCase()}`}
        sensitive={isSensitiveHeader}
        isRevealed={isRevealed}
        toggle={toggle}
      />
      {request.body?.type === 'form' ? (
        <>
          <p className="pg-small pg-muted">Body (application/x-www-form-urlencoded)</p>
          <MaskedPairs
            pairs={request.body.fields}
            keyOf={(name) => `field:${name}`}
            sensitive={isSensitiveField}
            isRevealed={isRevealed}
            toggle={toggle}
          />
        </>
      ) : request.body?.type === 'json' ? (
        <pre className="pg-pre">{request.body.text}</pre>
      ) : null}

      {assertion ? <SignedAssertion jwt={assertion} /> : null}

      <details className="pg-curl">
        <summary>curl</summary>
        <pre className="pg-pre">{curl}</pre>
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(curl).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? 'Copied' : 'Copy curl'}
        </Button>
        <p className="pg-small pg-muted">
          Masked values appear as $VARIABLES: set them in your shell, or reveal them first.
        </p>
      </details>

      {response ? (
        <>
          <h4>Response</h4>
          <pre className="pg-pre">
            HTTP {response.status} {response.statusText}
            {response.headers.map(([n, v]) => `\n${n}: ${v}`).join('')}
          </pre>
          {tokens.length > 0 ? (
            <ul className="pg-tokens">
              {tokens.map(([field, value]) => (
                <li key={field}>
                  <span className="pg-token-name">{field}</span>
                  <RevealValue
                    name={field}
                    value={value}
                    revealed={isRevealed(`response:${field}`)}
                    onToggle={() => toggle(`response:${field}`)}
                  />
                  {onInspect ? (
                    <Button size="sm" onClick={() => onInspect(value, field)}>
                      Inspect {field}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <pre className="pg-pre pg-body">{responseBody(response.bodyText, json, isRevealed)}</pre>
          <SmartFieldsView exchange={exchange} />
        </>
      ) : null}
    </section>
  );
}

interface MaskedPairsProps {
  pairs: readonly (readonly [string, string])[];
  keyOf: (name: string) => SecretKey;
  sensitive: (name: string) => boolean;
  isRevealed: (k: RevealKey) => boolean;
  toggle: (k: RevealKey) => void;
}

/** Name/value pairs (headers or form fields) with sensitive values masked until revealed one by one. */
function MaskedPairs({ pairs, keyOf, sensitive, isRevealed, toggle }: MaskedPairsProps) {
  return (
    <dl className="pg-kv">
      {pairs.map(([name, value]) => {
        const key = keyOf(name);
        return (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              {sensitive(name) ? (
                <RevealValue
                  name={name}
                  value={value}
                  revealed={isRevealed(key)}
                  onToggle={() => toggle(key)}
                />
              ) : (
                <code>{value}</code>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function responseBody(text: string, json: unknown, isRevealed: (k: RevealKey) => boolean): string {
  if (json !== undefined && typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const shown: Record<string, unknown> = { ...(json as Record<string, unknown>) };
    for (const f of TOKEN_FIELDS) {
      if (typeof shown[f] === 'string' && !isRevealed(`response:${f}`)) shown[f] = '•••••••• (masked above)';
    }
    return JSON.stringify(shown, null, 2);
  }
  if (json !== undefined) return JSON.stringify(json, null, 2);
  if (text === '') return '(empty body)';
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}\n… (${text.length} chars)` : text;
}

/** The client assertion the request authenticated with: shown decoded, and its refusals advised. */
function sentAssertion(exchange: Exchange): string | undefined {
  const body = exchange.request.body;
  if (body?.type !== 'form') return undefined;
  return body.fields.find(([name]) => name === 'client_assertion')?.[1];
}
