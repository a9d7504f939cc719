// Above the grid: policies that need a word of explanation — mixed Client + Operation links (a
// likely mistake) and the ones the grid cannot show as cells (global, User/Operation-linked).
import { Link } from 'react-router';
import type { PolicyColumn } from '../../domain/matrix.ts';
import { paths } from '../../routes/paths.ts';

/** Open by default when short enough to read at a glance. */
const OPEN_UP_TO = 3;

function Ids({ policies }: { policies: readonly PolicyColumn[] }) {
  return (
    <ul className="pm-id-list">
      {policies.map((p) => (
        <li key={p.id}>
          <Link to={paths.policy({ id: p.id })} className="pm-mono">
            {p.id}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function MatrixNotes(props: {
  mixed: readonly PolicyColumn[];
  globals: readonly PolicyColumn[];
  userOrOp: readonly PolicyColumn[];
}) {
  const { mixed, globals, userOrOp } = props;
  return (
    <div className="pm-notes">
      {mixed.length > 0 ? (
        <details className="pm-callout pm-callout-warn" open={mixed.length <= OPEN_UP_TO}>
          <summary>
            <strong>
              ⚠ {mixed.length} {mixed.length === 1 ? 'policy mixes' : 'policies mix'} Client and Operation
              links.
            </strong>{' '}
            Link entries are OR-ed, so such a policy also applies to anyone calling the linked Operation.
          </summary>
          <ul className="pm-id-list">
            {mixed.map((p) => (
              <li key={p.id}>
                <Link to={paths.policy({ id: p.id })} className="pm-mono">
                  {p.id}
                </Link>{' '}
                — {p.clientIds.length} {p.clientIds.length === 1 ? 'Client' : 'Clients'}, and anyone calling{' '}
                {p.operationIds.map((o) => `Operation/${o}`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <details className="pm-callout">
        <summary>
          <strong>Global: {globals.length}</strong>{' '}
          {globals.length === 1 ? 'policy applies' : 'policies apply'} to every Client (no link) ·{' '}
          <strong>U/Op: {userOrOp.length}</strong> linked to Users or Operations only
        </summary>
        <p className="pm-small">Global (column “G”):</p>
        <Ids policies={globals} />
        <p className="pm-small">Users or Operations only (column “U/Op”):</p>
        <Ids policies={userOrOp} />
      </details>
    </div>
  );
}
