import { Button } from '../components/ui/button.tsx';
import { useAuthService } from './auth-context.tsx';
import { AuthPage } from './auth-page.tsx';

export function SignedOutPage() {
  const auth = useAuthService();
  return (
    <AuthPage title="Signed out">
      <p>Your Aidbox session has ended and the tokens were revoked.</p>
      <Button variant="primary" onClick={() => void auth.signIn('/')}>
        Sign in
      </Button>
    </AuthPage>
  );
}
