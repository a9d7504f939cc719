import { useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { Dialog } from '../components/ui/dialog.tsx';
import { useAuthService } from './auth-context.tsx';

export function SessionExpiredDialog({ open, returnTo }: { open: boolean; returnTo: string }) {
  const auth = useAuthService();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signIn() {
    setBusy(true);
    setProblem(null);
    try {
      await auth.reauthenticate(returnTo);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title="Your session expired — sign in again"
      onClose={() => undefined}
      dismissible={false}
      size="sm"
      footer={
        <Button variant="primary" loading={busy} onClick={() => void signIn()} data-autofocus>
          Sign in again
        </Button>
      }
    >
      <p>Sign in in the window that opens. This page and anything you have typed stay as they are.</p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
