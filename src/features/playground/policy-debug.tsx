// Which AccessPolicy allowed or denied a request, from Aidbox's `__debug=policy` answer (dev mode).
// Without dev mode, say how to turn it on instead of failing silently.
import { Link } from 'react-router';
import { paths } from '../../routes/paths.ts';
import { PolicyTable } from './policy-table.tsx';
import type { Exchange } from './exchange.ts';
import { LocalDecision, type LocalDecisionInput } from './local-decision.tsx';

interface PolicyResult {
  id: string;
  engine: string | undefined;
  result: boolean | undefined;
  error: string | undefined;
}

/** debug-access-control.md names it `evalResult`; test-policy's answer `eval-result`: read both. */
function verdictOf(r: Record<string, unknown>): boolean | undefined {
  const v = r.evalResult ?? r['eval-result'];
  return typeof v === 'boolean' ? v : undefined;
}

export function parseDebug(
  json: unknown,
): { decision: boolean | undefined; policies: PolicyResult[] } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  if (!Array.isArray(body.policies)) return undefined;
  const policies = body.policies.flatMap((p: unknown): PolicyResult[] => {
    if (typeof p !== 'object' || p === null) return [];
    const r = p as Record<string, unknown>;
    if (typeof r.id !== 'string') return [];
    return [
      {
        id: r.id,
        engine: typeof r.engine === 'string' ? r.engine : undefined,
        result: verdictOf(r),
        error: typeof r.error === 'string' ? r.error : undefined,
      },
    ];
  });
  const decision = verdictOf(body) ?? policies.some((p) => p.result);
  return { decision, policies };
}

export function PolicyDebug({
  exchange,
  local,
}: {
  exchange: Exchange;
  local?: LocalDecisionInput | undefined;
}) {
  const res = exchange.response;
  if (!res) return <p className="pg-advice">The policy debug request got no answer.</p>;
  const parsed = res.status === 200 ? parseDebug(res.json) : undefined;
  if (!parsed) {
    const devModeOff = /BOX_SECURITY_DEV_MODE/.test(res.bodyText) || res.status === 403 || res.status === 404;
    return (
      <>
        <div className="pg-advice" role="note">
          <p className="pg-advice-title">
            {devModeOff
              ? 'Policy debugging is off on this Aidbox'
              : `Policy debug answered HTTP ${res.status}`}
          </p>
          <p>
            {local ? 'Below, the console evaluates the policies itself. ' : ''}To have Aidbox show which
            AccessPolicy decided, run it in dev mode (on a staging copy): set{' '}
            <code>BOX_SECURITY_DEV_MODE=true</code> in its environment and restart it. Never enable dev mode
            in production: it shows policies to callers.
          </p>
        </div>
        {local ? <LocalDecision input={local} /> : null}
      </>
    );
  }
  const deciding = parsed.policies.filter((p) => p.result === true);
  return (
    <div className="pg-policies">
      <p>
        {parsed.decision
          ? `Allowed by ${deciding.map((p) => p.id).join(', ') || 'a policy'}.`
          : parsed.policies.length === 0
            ? 'Denied: no AccessPolicy applies to this Client, User or operation.'
            : `Denied: none of the ${parsed.policies.length} candidate policies evaluated to true.`}{' '}
        <Link to={paths.policyMatrix()}>Open the policy matrix</Link>
      </p>
      <PolicyTable
        caption="Candidate policies and their eval-result"
        resultHeader="eval-result"
        rows={parsed.policies.map((p) => ({
          id: p.id,
          engine: p.engine ?? '—',
          result: (
            <>
              <span className={`badge ${p.result ? 'badge-success' : 'badge-danger'}`}>
                {p.result === undefined ? 'unknown' : String(p.result)}
              </span>
              {p.error ? <span className="pg-muted"> {p.error}</span> : null}
            </>
          ),
        }))}
      />
    </div>
  );
}
