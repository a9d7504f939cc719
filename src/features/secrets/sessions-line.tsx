import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { sessionSummary, type SessionsQuery } from './session-count.ts';

/** Both wizards' impact step: the Client's live Sessions, and what the rotation does to their tokens. */
export function SessionsLine({ sessions, then }: { sessions: SessionsQuery; then: string }) {
  return (
    <>
      <h3>Sessions</h3>
      {sessions.isPending ? (
        <p role="status">
          <Spinner size="sm" /> Counting this Client&apos;s sessions…
        </p>
      ) : sessions.isError ? (
        <p className="sx-callout sx-warn" role="alert">
          The sessions could not be counted.{' '}
          <Button size="sm" onClick={() => void sessions.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <p>
          {sessionSummary(sessions.data)}. {then}
        </p>
      )}
    </>
  );
}
