// What the reviewer must know about how the cells were decided (issue 11 §3): without Aidbox's
// evaluator, that the console decided from the policy text and how to get the rest decided; with
// it, how many of the console's answers Aidbox confirmed, and every disagreement as a finding.
import type { TestPolicyMode, TestPolicyUnavailable } from '../../api/test-policy.ts';
import type { Disagreement } from './server-jobs.ts';

const fmt = new Intl.NumberFormat('en-US');

function DevModeHow() {
  return (
    <p>
      To have Aidbox decide them, run the review against an Aidbox in development mode — set{' '}
      <code>BOX_SECURITY_DEV_MODE=true</code> and restart it, preferably on a staging copy with the same
      policies, never on production — and give console admins a rule allowing{' '}
      <code>{'{"uri": "/auth/test-policy", "request-method": "post"}'}</code>.
    </p>
  );
}

export function LocalModeNote({
  why,
  unknownCells,
  unit,
}: {
  why: Extract<TestPolicyMode, { available: false }>;
  unknownCells: number;
  /** what is counted: grid cells, or Clients on the who-can page */
  unit: [one: string, many: string];
}) {
  return (
    <div className="au-note" role="note" aria-label="How these results were evaluated">
      <p>
        <strong>Evaluated by the console from the policy text.</strong>{' '}
        {why.reason === 'dev-mode'
          ? 'This Aidbox does not serve /auth/test-policy (development mode is off, as on most production servers),'
          : why.reason === 'forbidden'
            ? 'Your account may not call /auth/test-policy,'
            : `Aidbox’s /auth/test-policy could not be used (${why.diagnostics}),`}{' '}
        so Aidbox did not confirm these answers. The console follows Aidbox’s documentation of the allow,
        matcho, json-schema and complex engines.
      </p>
      {unknownCells > 0 ? (
        <>
          <p>
            {fmt.format(unknownCells)} {unknownCells === 1 ? `${unit[0]} is` : `${unit[1]} are`}{' '}
            <strong>unknown (needs Aidbox)</strong>: a candidate policy uses sql, an rpc engine or a construct
            only Aidbox can evaluate, and no other policy already allows the request.
          </p>
          <DevModeHow />
        </>
      ) : null}
    </div>
  );
}

function verdict(v: boolean) {
  return v ? 'allowed' : 'denied';
}

export function CrossCheckPanel({
  crossCheck,
}: {
  crossCheck: { compared: number; disagreements: readonly Disagreement[] };
}) {
  const { compared, disagreements } = crossCheck;
  if (disagreements.length === 0) {
    return (
      <p className="au-note" role="note" aria-label="Cross-check with Aidbox">
        Cross-check with Aidbox: {fmt.format(compared)} of the console’s evaluations compared with{' '}
        <code>/auth/test-policy</code> — all agree.
      </p>
    );
  }
  return (
    <div className="error-panel" role="alert" aria-label="Cross-check with Aidbox">
      <h2 className="error-panel-title">
        The console and Aidbox disagree on {fmt.format(disagreements.length)} of {fmt.format(compared)}{' '}
        cross-checked evaluations
      </h2>
      <p>Aidbox is authoritative: its answer is used in the cells. Please report each case.</p>
      <ul className="au-findings-list">
        {disagreements.map((d) => (
          <li key={`${d.policyId}|${d.request}|${d.clientId ?? ''}`}>
            The console and Aidbox disagree on policy <code>{d.policyId}</code> for request{' '}
            <code>{d.request}</code>
            {d.clientId ? (
              <>
                {' '}
                as Client <code>{d.clientId}</code>
              </>
            ) : null}
            : the console says {verdict(d.console)}, Aidbox says {verdict(d.aidbox)}.
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TestPolicyHelp({ error }: { error: TestPolicyUnavailable }) {
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel-title">
        Aidbox stopped answering its policy evaluator (POST /auth/test-policy)
      </h2>
      {error.reason === 'dev-mode' ? <DevModeHow /> : <p>Your account may no longer call it.</p>}
      <p>Cells still marked “not evaluated” are unknown.</p>
      {error.diagnostics ? <pre className="error-panel-diagnostics">{error.diagnostics}</pre> : null}
    </div>
  );
}
