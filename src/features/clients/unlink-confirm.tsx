// Unlinking a policy from the Client page asks first, naming the policy and what the Client loses
// (issue 14 §6); the evaluation is the matrix's (domain/unlink-impact.ts), on the Client as loaded.
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { clientQueries } from '../../api/clients.ts';
import { ClientLossView, LossMethodNote } from '../../components/access/client-loss.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import type { PolicyResource } from '../../domain/matrix.ts';
import { unlinkImpact } from '../../domain/unlink-impact.ts';

export function UnlinkConfirm(props: {
  clientId: string;
  policyId: string;
  resources: ReadonlyMap<string, PolicyResource>;
  /** what it may do to the signed-in admin's own access, when anything */
  risks?: ReactNode;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { clientId, policyId, resources } = props;
  // The editor has loaded this Client already: rules that read its fields see it as stored.
  const client = useQuery(clientQueries.detail(clientId));
  const stored = client.data?.client;
  const loss = useMemo(() => {
    const clients = new Map(stored ? [[clientId, stored]] : []);
    return unlinkImpact(resources, [{ policyId, add: [], remove: [clientId] }], clients)[0];
  }, [resources, policyId, clientId, stored]);
  return (
    <ConfirmDialog
      open
      size="md"
      title={`Unlink ${policyId} from this Client?`}
      confirmLabel="Unlink"
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {props.risks}
      <p>
        <span className="cc-mono">{clientId}</span> stops getting what{' '}
        <span className="cc-mono">{policyId}</span> grants it. You can link it again afterwards (Undo).
      </p>
      {loss ? <ClientLossView loss={loss} named={false} /> : null}
      <LossMethodNote />
    </ConfirmDialog>
  );
}
