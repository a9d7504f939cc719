// The Client's live Sessions (one per issued token in Aidbox) and their revocation, confirmed with
// who loses access (issue 14 §6). The deactivate and delete confirmations point here: Aidbox does not
// document whether tokens already issued survive those, so revoking them is the way to be sure.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionMutations, sessionQueries, type RevokeTally } from '../../api/sessions.ts';
import { RevokeSessionsConfirm } from '../../components/access/revoke-sessions-confirm.tsx';
import { Button } from '../../components/ui/button.tsx';
import { isLiveSession, sessionImpact } from '../../domain/session-impact.ts';
import type { Session } from '../../model/session.ts';

export function ClientSessionsPanel({ clientId }: { clientId: string }) {
  const query = useQuery(sessionQueries.byClient(clientId));
  const revoke = useMutation(sessionMutations.revokeAll());
  const [confirming, setConfirming] = useState<Session[]>();
  const [tally, setTally] = useState<RevokeTally>();

  async function ask() {
    // Re-read first: the list on screen may miss Sessions started since.
    const fresh = await query.refetch();
    const now = Date.now();
    const live = (fresh.data?.sessions ?? []).filter((s) => s.id && isLiveSession(s, now));
    if (live.length > 0) setConfirming(live);
    else setTally({ done: 0, failed: 0, total: 0 });
  }

  async function run(targets: readonly Session[]) {
    setTally({ done: 0, failed: 0, total: targets.length });
    setTally(await revoke.mutateAsync({ ids: targets.map((s) => s.id ?? ''), onProgress: setTally }));
  }

  // Live as of the read, so a re-render never changes the count on its own.
  const now = query.dataUpdatedAt;
  const live = query.data?.sessions.filter((s) => isLiveSession(s, now));
  const impact = live ? sessionImpact(live) : undefined;
  const more = query.data?.total !== undefined && query.data.total > query.data.sessions.length;
  return (
    <fieldset className="cc-section" aria-busy={revoke.isPending}>
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
          ? `${revoke.isPending ? 'Revoking… ' : ''}${tally.done} of ${tally.total} revoked${tally.failed > 0 ? `, ${tally.failed} failed` : ''}.`
          : ''}
      </p>
      <div>
        <Button disabled={revoke.isPending || impact?.sessions === 0} onClick={() => void ask()}>
          Revoke all Sessions…
        </Button>
      </div>
      {confirming ? (
        <RevokeSessionsConfirm
          clientId={clientId}
          sessions={confirming}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            setConfirming(undefined);
            void run(confirming);
          }}
        />
      ) : null}
    </fieldset>
  );
}
