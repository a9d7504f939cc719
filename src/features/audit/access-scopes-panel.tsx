// The Client's allowed SMART scopes beside its policy cells (issue 12 §6): what they are, parsed,
// and the one rule a reviewer must keep in mind — for `atv: 2` tokens Aidbox needs both a scope and
// a policy. Every scope is untrusted text and rendered as text.
import { TableScroll } from '../../components/ui/table-scroll.tsx';
import type { ClientScopes, ScopeCover } from './access-scopes.ts';
import { interactionWords } from './access-scopes.ts';

const DOC = 'aidbox-docs: access-control/authorization/smart-on-fhir/smart-scopes-for-limiting-access.md';

function Rule({ smartApp }: { smartApp: boolean }) {
  return (
    <p>
      On Aidbox a request made with an <code>atv: 2</code> token must be allowed by <strong>both</strong> a
      granted scope covering its resource type and interaction and an AccessPolicy; scopes alone never grant
      access. A token never gets more than these scopes: of the scopes it asks for, only those the Client
      allows.{' '}
      {smartApp ? (
        <>
          Aidbox puts <code>atv: 2</code> in the tokens it issues for this Client (
          <code>type: smart-app</code>
          ), so a cell no scope covers is denied to them whatever the policies say.
        </>
      ) : (
        <>
          This Client is not <code>type: smart-app</code>, so the tokens Aidbox issues for it carry no{' '}
          <code>atv</code> and its scopes restrict nothing there: its policies alone decide. Only a token
          another issuer marks <code>atv: 2</code> is held to them.
        </>
      )}{' '}
      <span className="au-source">Source: {DOC}, “Scopes and Access Policies”.</span>
    </p>
  );
}

export function ScopesPanel({ scopes }: { scopes: ClientScopes }) {
  return (
    <section className="au-scopes" aria-labelledby="au-scopes-h">
      <h2 id="au-scopes-h" className="au-h2">
        SMART scopes
      </h2>
      <div className="au-note" role="note" aria-label="Scopes and policies">
        <Rule smartApp={scopes.smartApp} />
      </div>
      {scopes.resource.length > 0 ? (
        <TableScroll label="Allowed resource scopes">
          <table className="data-table au-table">
            <caption className="visually-hidden">Allowed resource scopes</caption>
            <thead>
              <tr>
                <th scope="col">Scope</th>
                <th scope="col">Context</th>
                <th scope="col">Resource type</th>
                <th scope="col">Allows</th>
                <th scope="col">Only where</th>
              </tr>
            </thead>
            <tbody>
              {scopes.resource.map((s) => (
                <tr key={s.raw}>
                  <th scope="row" className="au-mono">
                    {s.raw}
                  </th>
                  <td>
                    {s.context}
                    {s.context === 'patient' ? (
                      <span className="au-by">the launch patient’s data</span>
                    ) : null}
                  </td>
                  <td>{s.type === '*' ? 'every type (*)' : s.type}</td>
                  <td>
                    {interactionWords(s)}
                    {s.version === 1 ? <span className="au-by">SMART v1</span> : null}
                  </td>
                  <td className="au-mono">{s.query || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="au-muted">No resource scope: an atv 2 token of this Client reaches no resource.</p>
      )}
      {scopes.other.length > 0 ? (
        <p className="au-muted">
          Other scopes (reach no resource):{' '}
          <span className="au-mono">{scopes.other.map((s) => s.raw).join(' ')}</span>
        </p>
      ) : null}
      {scopes.errors.length > 0 ? (
        <div className="au-note au-note-error" role="note" aria-label="Malformed scopes">
          <p>Aidbox rejects a token that carries one of these malformed scopes:</p>
          <ul className="au-findings-list">
            {scopes.errors.map((e) => (
              <li key={e.scope}>
                <span className="au-mono">{e.scope}</span>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The scope line under a policy cell, where it changes the answer: on a cell the policies allow, the
 * scope that also allows it or that none does; on any other cell, a scope that would allow what the
 * policies do not. A cell neither allows says nothing more.
 */
export function ScopeLine({ cover, allowed }: { cover: ScopeCover; allowed: boolean }) {
  switch (cover.kind) {
    case 'covered':
      return <span className="au-scope">scope: {cover.by.map((s) => s.raw).join(', ')}</span>;
    case 'none':
      return allowed ? (
        <span className="au-scope au-scope-none">no scope covers it: denied to atv 2 tokens</span>
      ) : null;
    case 'per-entry':
      return allowed ? <span className="au-scope">scopes: checked per entry</span> : null;
  }
}
