// Choose the Client: search Aidbox (server-side, a few results) or type any id. The secret is typed
// in, held by the page in memory only, and the field is uncontrolled so React never mirrors it
// into a DOM attribute.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId } from 'react';
import { clientQueries } from '../../api/clients.ts';
import { Button } from '../../components/ui/button.tsx';
import type { ClientAuthMethod } from '../../domain/oauth-request.ts';

export function ClientPicker({
  clientId,
  onClientId,
  onSecret,
  authMethod,
  onAuthMethod,
  signsWithKey = false,
}: {
  /** The backend-services flow authenticates with a signed assertion: the secret fields step aside. */
  signsWithKey?: boolean;
  clientId: string;
  onClientId: (id: string) => void;
  onSecret: (secret: string) => void;
  authMethod: ClientAuthMethod;
  onAuthMethod: (m: ClientAuthMethod) => void;
}) {
  const ids = useId();
  const search = useDeferredValue(clientId.trim());
  const list = useQuery({ ...clientQueries.list({ q: search, count: 8 }), enabled: search.length > 0 });
  const matches = (list.data?.clients ?? []).filter((r) => r.client.id && r.client.id !== clientId);

  return (
    <fieldset className="pg-fieldset">
      <legend>Client</legend>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-id`}>
          Client id
        </label>
        <input
          id={`${ids}-id`}
          className="input"
          value={clientId}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-id-help`}
          onChange={(e) => onClientId(e.target.value)}
        />
        <p id={`${ids}-id-help`} className="field-help">
          Type an id, or part of one to search Aidbox.
        </p>
      </div>
      {search && matches.length > 0 ? (
        <ul className="pg-matches" aria-label="Matching Clients">
          {matches.map((r) => (
            <li key={r.client.id}>
              <Button variant="ghost" size="sm" onClick={() => onClientId(r.client.id ?? '')}>
                {r.client.id}
                {r.client.name ? <span className="pg-muted"> — {r.client.name}</span> : null}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {list.isError ? (
        <p className="field-error">Searching Clients failed; you can still type an id.</p>
      ) : null}

      {signsWithKey ? (
        <p className="pg-note">
          This flow proves the Client with a client assertion signed by its private key (private_key_jwt),
          below: no secret is sent.
        </p>
      ) : null}
      {/* Hidden, not removed: a secret typed for another flow stays what the page holds. */}
      <div hidden={signsWithKey}>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-secret`}>
            Client secret (confidential Clients)
          </label>
          <input
            id={`${ids}-secret`}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-secret-note`}
            onChange={(e) => onSecret(e.target.value)}
          />
          <p id={`${ids}-secret-note`} className="pg-note" role="note">
            A secret typed into a browser is exposed to it (extensions, injected script, screen sharing). It
            is kept in this page’s memory only and sent only to the token and introspection endpoints. Prefer
            a test Client’s secret.
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-method`}>
            Client authentication
          </label>
          <select
            id={`${ids}-method`}
            className="input"
            value={authMethod}
            onChange={(e) => onAuthMethod(e.target.value as ClientAuthMethod)}
          >
            <option value="client_secret_basic">client_secret_basic (Authorization: Basic header)</option>
            <option value="client_secret_post">client_secret_post (secret in the form body)</option>
          </select>
        </div>
      </div>
    </fieldset>
  );
}
