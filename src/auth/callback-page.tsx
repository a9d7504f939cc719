// The /callback route: completes sign-in (redirect or popup) and returns the user to their page.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { PageLoading } from '../components/ui/spinner.tsx';
import { useAuthService } from './auth-context.tsx';
import { AuthPage } from './auth-page.tsx';
import { completeCallbackOnce, type CallbackOutcome } from './callback.ts';

export function CallbackPage() {
  const auth = useAuthService();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<CallbackOutcome | { kind: 'failed'; reason: string } | null>(null);

  useEffect(() => {
    let live = true;
    completeCallbackOnce(auth).then(
      (result) => {
        if (!live) return;
        if (result.kind === 'signed-in') void navigate(result.returnTo, { replace: true });
        else setOutcome(result);
      },
      (e: unknown) => {
        if (live) setOutcome({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [auth, navigate]);

  if (outcome === null) return <PageLoading label="Completing sign-in…" />;
  if (outcome.kind === 'popup') {
    return (
      <AuthPage title="Signed in">
        <p>You can close this window and continue where you were.</p>
      </AuthPage>
    );
  }
  const signInAgain = (
    <Button variant="primary" onClick={() => void auth.signIn('/')}>
      Sign in again
    </Button>
  );
  if (outcome.kind === 'invalid-link') {
    return (
      <AuthPage title="This sign-in link is no longer valid">
        <p>It was already used, has expired, or did not start in this browser tab.</p>
        {signInAgain}
      </AuthPage>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <AuthPage title="Sign-in was not completed">
        <p>Aidbox answered:</p>
        <pre className="auth-detail">
          {outcome.error}
          {outcome.description ? `: ${outcome.description}` : ''}
        </pre>
        {signInAgain}
      </AuthPage>
    );
  }
  if (outcome.kind === 'signed-in') return <PageLoading label="Completing sign-in…" />;
  return (
    <AuthPage title="Sign-in was rejected">
      <p>The console could not accept the answer from Aidbox:</p>
      <pre className="auth-detail">{outcome.reason}</pre>
      <p>If this keeps happening, check that config.json points at the right Aidbox.</p>
      {signInAgain}
    </AuthPage>
  );
}
