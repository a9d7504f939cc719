// Asked when a click would stage a Client link on a Global or a User/Operation policy: what that
// link changes is the policy's meaning, so the admin confirms it here, not first at Apply.
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import type { GuardedLink } from '../../domain/matrix-stage-guard.ts';

function clientsText(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

export function StageGuardDialog(props: {
  links: readonly GuardedLink[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { links } = props;
  const global = links.some((l) => l.policy.kind === 'global');
  return (
    <ConfirmDialog
      open
      title={global ? 'Link a Client to a Global policy?' : 'Link a Client to a User/Operation policy?'}
      confirmLabel="Stage anyway"
      tone="danger"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <ul className="pm-guard-list">
        {links.map((l) => (
          <li key={l.policy.id}>
            <strong className="pm-mono">{l.policy.id}</strong> ← {clientsText(l.clientIds)}
            {l.policy.kind === 'global' ? (
              <p>
                This policy has no link, so today it applies to every request from every Client and User. Once
                linked, it applies only to the linked Clients: everyone else loses what it grants.
              </p>
            ) : (
              <p>
                This policy is linked to {l.policy.userIds.length > 0 ? 'Users' : ''}
                {l.policy.userIds.length > 0 && l.policy.operationIds.length > 0 ? ' and ' : ''}
                {l.policy.operationIds.length > 0 ? 'Operations' : ''}. Link entries are OR-ed: adding a
                Client makes it apply to that Client as well as to{' '}
                {l.policy.operationIds.length > 0 ? 'anyone calling the Operation' : 'those Users'}. A
                separate Client-linked policy is usually what you want.
              </p>
            )}
          </li>
        ))}
      </ul>
      <p>Nothing is written until you apply.</p>
    </ConfirmDialog>
  );
}
