// "Which policy decided" without Aidbox's debug output (issue 11 §3): on an Aidbox without
// development mode, the console evaluates the candidate policies of this request itself, from the
// policy text, and says so. sql/rpc policies are marked as needing Aidbox, never guessed.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { auditQueries } from '../../api/audit.ts';
import { policyQueries } from '../../api/policies.ts';
import { decodeJwt } from '../../domain/jwt.ts';
import { paths } from '../../routes/paths.ts';
import { PolicyTable } from './policy-table.tsx';
import { decideLocally, type PolicyVerdict } from '../../domain/policy-eval/decide.ts';

export interface LocalDecisionInput {
  method: string;
  /** path under the Aidbox base, with its query string: /fhir/Patient?name=x */
  path: string;
  body: string;
  token: string;
  clientId: string;
}

/** The User behind a JWT access token: its `sub`, unless that is the Client itself. */
export function userOf(token: string, clientId: string): string | undefined {
  const d = decodeJwt(token);
  if (!d.ok || d.kind !== 'jwt') return undefined;
  const sub = d.payload.sub;
  return typeof sub === 'string' && sub !== clientId ? sub : undefined;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function VerdictCell({ p }: { p: PolicyVerdict }) {
  if (p.verdict.kind === 'needs-aidbox')
    return (
      <>
        <span className="badge badge-warning">needs Aidbox</span>{' '}
        <span className="pg-muted">{p.verdict.reason}</span>
      </>
    );
  return (
    <>
      <span className={`badge ${p.verdict.result ? 'badge-success' : 'badge-danger'}`}>
        {String(p.verdict.result)}
      </span>
      {p.verdict.error ? <span className="pg-muted"> {p.verdict.error}</span> : null}
    </>
  );
}

export function LocalDecision({ input }: { input: LocalDecisionInput }) {
  const userId = userOf(input.token, input.clientId);
  const policies = useQuery(policyQueries.list());
  const client = useQuery({
    ...auditQueries.policySubject('Client', input.clientId),
    enabled: input.clientId !== '',
  });
  const user = useQuery({
    ...auditQueries.policySubject('User', userId ?? ''),
    enabled: userId !== undefined,
  });
  if (policies.error || client.error || user.error)
    return (
      <p className="pg-advice">
        The console could not read the policies, Client or User to evaluate locally.
      </p>
    );
  if (!policies.data || !client.data || (userId !== undefined && !user.data))
    return <p className="pg-muted">Evaluating the policies locally…</p>;
  const [path = '', query = ''] = input.path.split('?', 2);
  const d = decideLocally(policies.data, {
    method: input.method,
    path,
    query,
    body: parseBody(input.body),
    client: client.data,
    user: user.data,
    clientId: input.clientId,
    userId,
  });
  // An opaque token hides its User: User-linked policies could allow what looks denied here.
  const opaque = !decodeJwt(input.token).ok;
  const decision = d.decision === 'denied' && opaque ? 'unknown' : d.decision;
  const allowing = d.policies
    .filter((p) => p.verdict.kind === 'decided' && p.verdict.result)
    .map((p) => p.id);
  return (
    <div className="pg-policies" role="region" aria-label="Local policy decision">
      <p>
        <strong>Evaluated by the console from the policy text</strong> (Aidbox’s debug output is not
        available).{' '}
        {decision === 'allowed'
          ? `Allowed by ${allowing.join(', ')}.`
          : decision === 'unknown'
            ? opaque && d.decision === 'denied'
              ? 'Unknown: the token is opaque, so the console cannot tell which User’s policies also apply.'
              : 'Unknown: no policy the console can evaluate allows it, and some candidates need Aidbox (sql, rpc…).'
            : d.policies.length === 0
              ? 'Denied: no AccessPolicy applies to this Client, User or operation.'
              : `Denied: none of the ${d.policies.length} candidate policies evaluates to true.`}{' '}
        <Link to={paths.policyMatrix()}>Open the policy matrix</Link>
      </p>
      <PolicyTable
        caption="Candidate policies, evaluated by the console"
        resultHeader="Result"
        rows={d.policies.map((p) => ({ id: p.id, engine: p.engine, result: <VerdictCell p={p} /> }))}
      />
    </div>
  );
}
