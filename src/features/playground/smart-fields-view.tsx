// The SMART fields of a token response, explained one per line (issue 12 §5 "inspector").
import type { Exchange } from './exchange.ts';
import { scopesNotGranted, smartFieldsOf } from './smart-fields.ts';

export function SmartFieldsView({ exchange }: { exchange: Exchange }) {
  const response = exchange.response;
  if (!response || response.status >= 300) return null;
  const fields = smartFieldsOf(response.json);
  if (fields.length === 0) return null;
  const body = exchange.request.body;
  const requested = body?.type === 'form' ? (body.fields.find(([n]) => n === 'scope')?.[1] ?? '') : '';
  const missing = scopesNotGranted(requested, response.json);
  return (
    <section className="pg-smart" aria-label="SMART fields">
      <h4>SMART fields</h4>
      <dl className="pg-kv">
        {fields.map((f) => (
          <div key={f.name}>
            <dt>
              <code>{f.name}</code>
            </dt>
            <dd>
              <code className="pg-claim-value">{f.value}</code>
              <span className="pg-muted pg-small"> — {f.meaning}</span>
            </dd>
          </div>
        ))}
      </dl>
      {missing.length > 0 ? (
        <p className="pg-note">
          Requested but not granted (the Client’s allowed scopes do not cover them): {missing.join(' ')}
        </p>
      ) : null}
    </section>
  );
}
