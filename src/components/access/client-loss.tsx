// What a Client loses when policy links are removed (domain/unlink-impact.ts), rendered once for the
// two places that unlink: the policy matrix's apply confirmation and the Client page's policy panel.
// Policy ids and descriptions are untrusted text and are rendered as text.
import {
  lossHeadline,
  lossLines,
  lossNotes,
  undecidedHeadline,
  type ClientLoss,
} from '../../domain/unlink-impact.ts';
import './access.css';

export function ClientLossView({ loss, named = true }: { loss: ClientLoss; named?: boolean }) {
  const lines = lossLines(loss.lost);
  const maybe = undecidedHeadline(loss);
  return (
    <div className="ax-loss" aria-label={`What ${loss.clientId} loses`} role="group">
      {named ? (
        <p className="ax-loss-title">
          <span className="ax-mono">{loss.clientId}</span> is unlinked from{' '}
          {loss.unlinked.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ', ' : ''}
              <span className="ax-mono">{p.id}</span>
            </span>
          ))}
        </p>
      ) : null}
      <ul className="ax-policies">
        {loss.unlinked
          .filter((p) => p.description !== '')
          .map((p) => (
            <li key={p.id}>
              <span className="ax-mono">{p.id}</span> ({p.engine}): {p.description}
            </li>
          ))}
      </ul>
      <p className="ax-headline">{lossHeadline(loss)}</p>
      {lines.length > 0 ? (
        <ul className="ax-lost" aria-label="Requests it can no longer make">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {maybe ? (
        <>
          <p className="ax-headline">{maybe}</p>
          <ul className="ax-lost" aria-label="Requests only Aidbox can decide">
            {lossLines(loss.undecided).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {lossNotes(loss).map((note) => (
        <p key={note} className="ax-note">
          {note}
        </p>
      ))}
    </div>
  );
}

/** The evaluation's fine print, said once per confirmation. */
export function LossMethodNote() {
  return (
    <p className="ax-note">
      Evaluated by the console from the policy text, for the standard FHIR interactions on the 20 resource
      types the security review checks, with every policy that still applies after the change.
    </p>
  );
}
