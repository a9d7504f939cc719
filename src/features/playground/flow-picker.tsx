// The flow choice: a radio group; flows the Client's configuration rules out are disabled with the
// reason, legacy grants carry why they are legacy.
import { useId } from 'react';
import type { StoredClient } from '../../model/client.ts';
import { FLOWS, flowBlockedReason, tokenBlockedReason, type Flow } from './flows.ts';
import type { RunTokens } from './playground-store.ts';

export function FlowPicker({
  flow,
  client,
  tokens,
  onFlow,
}: {
  flow: Flow;
  client: StoredClient | undefined;
  /** The tokens of the run on screen: a client token rules out user-only flows. */
  tokens?: RunTokens;
  onFlow: (f: Flow) => void;
}) {
  const name = useId();
  return (
    <fieldset className="pg-fieldset">
      <legend>Flow</legend>
      <ul className="pg-flows">
        {FLOWS.map((f) => {
          const blocked = flowBlockedReason(f.id, client) ?? tokenBlockedReason(f.id, tokens);
          return (
            <li key={f.id}>
              <label className={`pg-flow-option${blocked ? ' pg-disabled' : ''}`}>
                <input
                  type="radio"
                  name={name}
                  value={f.id}
                  checked={flow === f.id}
                  disabled={blocked !== undefined}
                  onChange={() => onFlow(f.id)}
                />
                <span>
                  {f.label}
                  {f.legacy ? <span className="badge badge-warning">legacy</span> : null}
                  {f.needsUserToken ? <span className="badge badge-info">user token</span> : null}
                  {blocked ? <span className="pg-muted pg-small"> — {blocked}</span> : null}
                </span>
              </label>
              {f.legacy && flow === f.id ? <p className="pg-note">{f.legacy}</p> : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
