// Revoking a Client's Sessions, the one way (the Client page's Sessions panel and the rotation
// hand-off): re-read what is live first, since the list on screen may miss Sessions started since;
// ask with who loses access; revoke each with a running tally; refresh the Session queries once
// (the mutation's meta). Nothing to revoke finishes at once with a 0 of 0 tally.
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { sessionMutations, type RevokeTally } from '../../api/sessions.ts';
import type { Session } from '../../model/session.ts';
import { RevokeSessionsConfirm } from './revoke-sessions-confirm.tsx';

export interface RevokeSessions {
  /** Re-reads, then opens the confirmation (or finishes at once when nothing is live). */
  ask: () => Promise<void>;
  /** Undefined until asked; then the running or final count. */
  tally: RevokeTally | undefined;
  running: boolean;
  /** The confirmation dialog while it is open, else null: render it where the action is. */
  dialog: ReactNode;
}

export function useRevokeSessions(
  clientId: string,
  rereadLive: () => Promise<readonly Session[]>,
): RevokeSessions {
  const revoke = useMutation(sessionMutations.revokeAll());
  const [confirming, setConfirming] = useState<readonly Session[]>();
  const [tally, setTally] = useState<RevokeTally>();

  async function ask() {
    const live = (await rereadLive()).filter((s) => s.id);
    if (live.length > 0) setConfirming(live);
    else setTally({ done: 0, failed: 0, total: 0 });
  }

  async function run(targets: readonly Session[]) {
    setTally({ done: 0, failed: 0, total: targets.length });
    setTally(await revoke.mutateAsync({ ids: targets.map((s) => s.id ?? ''), onProgress: setTally }));
  }

  const dialog = confirming ? (
    <RevokeSessionsConfirm
      clientId={clientId}
      sessions={confirming}
      onCancel={() => setConfirming(undefined)}
      onConfirm={() => {
        setConfirming(undefined);
        void run(confirming);
      }}
    />
  ) : null;
  return { ask, tally, running: revoke.isPending, dialog };
}
