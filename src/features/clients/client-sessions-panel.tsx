// The Client's live Sessions (one per issued token in Aidbox) and their revocation, confirmed with
// who loses access (issue 14 §6). The deactivate and delete confirmations point here: Aidbox does not
// document whether tokens already issued survive those, so revoking them is the way to be sure.
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../../api/sessions.ts';
import { useRevokeSessions } from '../../components/access/use-revoke-sessions.tsx';
import { Button } from '../../components/ui/button.tsx';
import { isLiveSession, sessionImpact } from '../../domain/session-impact.ts';

export function ClientSessionsPanel({ clientId }: { clientId: string }) {
  const query = useQuery(sessionQueries.byClient(clientId));
  const revoke = useRevokeSessions(clientId, async () => {
    const fresh = await query.refetch();
    const now = Date.now();
    return (fresh.data?.sessions ?? []).filter((s) => isLiveSession(s, now));
  });
  const tally = revoke.tally;

  // Live as of the read, so a re-render never changes the count on its own.
  const now = query.dataUpdatedAt;
  const live = query.data?.sessions.filter((s) => isLiveSession(s, now));
  const impact = live ? sessionImpact(live) : undefined;
  const more = query.data?.total !== undefined && query.data.total > query.data.sessions.length;
  return (
    <fieldset className="cc-section" aria-busy={revoke.running}>
      <legend>Sessions</legend>
      <p className="field-help">
        Every token Aidbox issues is a Session; revoking one stops its token at once.
      </p>
      {query.isPending ? (
        <p className="cc-muted">Counting Sessions…</p>
      ) : query.isError || !impact ? (
        <p className="cc-muted">Its Sessions could not be read.</p>
      ) : (
        <p>
          {impact.sessions}
          {more ? '+' : ''} active {impact.sessions === 1 && !more ? 'Session' : 'Sessions'}
          {impact.users.length > 0
            ? `, of ${impact.users.length} ${impact.users.length === 1 ? 'user' : 'users'}`
            : ''}
          {impact.clientOnly > 0 ? `, ${impact.clientOnly} of the application itself` : ''}.
        </p>
      )}
      <p role="status" className="cc-notice">
        {tally
          ? `${revoke.running ? 'Revoking… ' : ''}${tally.done} of ${tally.total} revoked${tally.failed > 0 ? `, ${tally.failed} failed` : ''}.`
          : ''}
      </p>
      <div>
        <Button disabled={revoke.running || impact?.sessions === 0} onClick={() => void revoke.ask()}>
          Revoke all Sessions…
        </Button>
      </div>
      {revoke.dialog}
    </fieldset>
  );
}
