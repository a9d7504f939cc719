// Revoking a Client's Sessions asks first, with who loses access (issue 14 §6): the signed-in users
// who must sign in again and the application's own tokens. Revocation cannot be undone. Used by the
// rotation hand-off and the Client page's Sessions panel.
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import './access.css';
import type { Session } from '../../model/session.ts';
import { sessionImpact } from '../../domain/session-impact.ts';

const USERS_SHOWN = 10;

export function RevokeSessionsConfirm(props: {
  clientId: string;
  sessions: readonly Session[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const impact = sessionImpact(props.sessions);
  const n = impact.sessions;
  const users = impact.users;
  return (
    <ConfirmDialog
      open
      size="md"
      title={`Revoke ${n} ${n === 1 ? 'Session' : 'Sessions'} of ${props.clientId}?`}
      confirmLabel={`Revoke ${n} ${n === 1 ? 'Session' : 'Sessions'}`}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <ul className="ax-impact" aria-label="Impact">
        <li>
          <strong>
            {n} active {n === 1 ? 'Session' : 'Sessions'}
          </strong>
          : {n === 1 ? 'its access token stops' : 'their access tokens stop'} working at once (in Aidbox each
          access token is a Session, and closing it revokes the token).
        </li>
        {users.length > 0 ? (
          <li>
            {users.length === 1 ? 'This user signs' : `These ${users.length} users sign`} in again:{' '}
            <span className="ax-mono">{users.slice(0, USERS_SHOWN).join(', ')}</span>
            {users.length > USERS_SHOWN ? ` and ${users.length - USERS_SHOWN} more` : ''}.
          </li>
        ) : null}
        {impact.clientOnly > 0 ? (
          <li>
            {impact.clientOnly} {impact.clientOnly === 1 ? 'Session is' : 'Sessions are'} the
            application&apos;s own (no user): it must request a new token, with the new secret.
          </li>
        ) : null}
      </ul>
      <p>Revoked Sessions cannot be restored.</p>
    </ConfirmDialog>
  );
}
