// The scopes of a run: free text (kept in the URL, never secret), plus one toggle per scope the
// Client is allowed (Client.scope) and, for the code flow, SMART's launch and identity scopes;
// below, what Aidbox would grant (requested ∩ allowed, domain/smart-scopes.ts). With nothing
// requested, Aidbox's docs are silent: both readings are shown (decision 0080).
import { useId } from 'react';
import { grantedScopes, parseScopes, splitScopes } from '../../domain/smart-scopes.ts';
import type { StoredClient } from '../../model/client.ts';

/** SMART App Launch scopes an app asks for besides resource scopes (offered for the code flow). */
export const SMART_LAUNCH_SCOPES = ['launch/patient', 'launch', 'openid', 'fhirUser', 'offline_access'];

/** Adds or removes one scope, keeping the others in their order. */
export function toggleScope(current: string, scope: string): string {
  const list = splitScopes(current);
  return (list.includes(scope) ? list.filter((s) => s !== scope) : [...list, scope]).join(' ');
}

export function ScopePicker({
  scope,
  onScope,
  client,
  smartLaunch,
}: {
  scope: string;
  onScope: (scope: string) => void;
  client: StoredClient | undefined;
  /** Offer SMART's launch/identity scopes (the code flow of a SMART app). */
  smartLaunch: boolean;
}) {
  const ids = useId();
  const allowed = client?.scope;
  const requested = splitScopes(scope);
  const extra = smartLaunch ? SMART_LAUNCH_SCOPES.filter((s) => !allowed?.includes(s)) : [];
  const errors = parseScopes(scope).errors;

  return (
    <div className="field pg-scopes">
      <label className="field-label" htmlFor={`${ids}-scope`}>
        Scopes
      </label>
      <input
        id={`${ids}-scope`}
        className="input"
        value={scope}
        spellCheck={false}
        placeholder="e.g. openid"
        aria-describedby={`${ids}-preview`}
        onChange={(e) => onScope(e.target.value)}
      />
      {allowed && allowed.length > 0 ? (
        <ScopeToggles
          label="Allowed for this Client"
          scopes={allowed}
          requested={requested}
          onToggle={(s) => onScope(toggleScope(scope, s))}
        />
      ) : null}
      {extra.length > 0 ? (
        <ScopeToggles
          label="SMART launch and identity"
          scopes={extra}
          requested={requested}
          onToggle={(s) => onScope(toggleScope(scope, s))}
        />
      ) : null}
      {errors.map((e) => (
        <p key={e.scope} className="field-error">
          <code>{e.scope}</code>: {e.message}
        </p>
      ))}
      <GrantPreview id={`${ids}-preview`} requested={requested} allowed={allowed} />
    </div>
  );
}

function ScopeToggles({
  label,
  scopes,
  requested,
  onToggle,
}: {
  label: string;
  scopes: readonly string[];
  requested: readonly string[];
  onToggle: (scope: string) => void;
}) {
  return (
    <div className="pg-scope-group" role="group" aria-label={label}>
      <span className="pg-small pg-muted">{label}:</span>
      <ul className="pg-scope-chips">
        {scopes.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="pg-chip"
              aria-pressed={requested.includes(s)}
              onClick={() => onToggle(s)}
            >
              {s}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GrantPreview({
  id,
  requested,
  allowed,
}: {
  id: string;
  requested: readonly string[];
  allowed: readonly string[] | undefined;
}) {
  if (allowed === undefined) {
    return (
      <p id={id} className="field-help">
        The Client has no scope list: Aidbox grants the scopes requested (its AccessPolicies still decide).
      </p>
    );
  }
  if (requested.length === 0) {
    return (
      <p id={id} className="field-help" role="status">
        Nothing requested. Aidbox’s docs do not say what an empty request gets: either no scopes, or all the
        Client’s ({allowed.join(' ') || 'none'}). Request the scopes you need.
      </p>
    );
  }
  const granted = grantedScopes(requested, allowed, 'strict');
  const refused = requested.filter((s) => !granted.includes(s));
  return (
    <p id={id} className="field-help" role="status">
      Aidbox would grant: <code>{granted.length > 0 ? granted.join(' ') : '(nothing)'}</code>
      {refused.length > 0 ? (
        <>
          {' '}
          — not allowed for this Client, left out: <code>{refused.join(' ')}</code>
        </>
      ) : null}
    </p>
  );
}
