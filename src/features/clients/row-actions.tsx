// The row-menu actions that need a confirmation: delete (typed id) and deactivate, each showing its
// impact, and deactivating the console's own Client with a lock-out warning. The list loads this
// module when a row action is first used. The outcome is a toast; deactivation's offers Undo.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClientRecord } from '../../api/clients.ts';
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { grantList } from '../../domain/client-grants.ts';
import { ActionImpact } from './action-impact.tsx';
import { setActiveNow, useDeleteClient, useSetActive } from './client-mutations.ts';
import { useConsoleClientId } from './console-client.ts';
import { DeleteClientDialog, LockoutWarning } from './delete-client-dialog.tsx';
import { errorText } from '../../components/ui/error-text.ts';

export type PendingAction = { kind: 'deactivate' | 'delete'; record: ClientRecord } | undefined;

interface RowActionsProps {
  action: NonNullable<PendingAction>;
  onDone: () => void;
}

export function RowActions({ action, onDone }: RowActionsProps) {
  const consoleClientId = useConsoleClientId();
  const setActive = useSetActive();
  const remove = useDeleteClient();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [understood, setUnderstood] = useState(false);
  const { record } = action;
  const id = record.client.id ?? '';
  const versionId = record.versionId ?? '*';
  const isConsole = id === consoleClientId;
  const grants = grantList(record.client);

  function undo(deactivated: ClientRecord) {
    setActiveNow(queryClient, { id, active: true, versionId: deactivated.versionId ?? '*' }).then(
      () => toast.show(`${id} is active again.`, 'success'),
      (e: unknown) => toast.show(`Could not activate ${id} again: ${errorText(e)}`, 'error'),
    );
  }

  function deactivate() {
    setActive.mutate(
      { id, active: false, versionId },
      {
        onSuccess: (saved) => {
          onDone();
          toast.show(`${id} is deactivated.`, 'success', { label: 'Undo', onClick: () => undo(saved) });
        },
      },
    );
  }

  if (action.kind === 'delete') {
    return (
      <DeleteClientDialog
        clientId={id}
        isConsoleClient={isConsole}
        pending={remove.isPending}
        error={remove.isError ? errorText(remove.error) : undefined}
        impact={<ActionImpact clientId={id} grants={grants} action="delete" />}
        onConfirm={() =>
          remove.mutate(
            { id, versionId },
            {
              onSuccess: () => {
                onDone();
                toast.show(`${id} is deleted.`, 'success');
              },
            },
          )
        }
        onClose={onDone}
      />
    );
  }
  return (
    <Dialog
      open
      title={`Deactivate ${id}?`}
      onClose={onDone}
      dismissible={!setActive.isPending}
      footer={
        <>
          <Button onClick={onDone} disabled={setActive.isPending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={isConsole && !understood}
            loading={setActive.isPending}
            onClick={deactivate}
          >
            Deactivate
          </Button>
        </>
      }
    >
      <ActionImpact clientId={id} grants={grants} action="deactivate" />
      {isConsole && <LockoutWarning checked={understood} onChange={setUnderstood} action="deactivate" />}
      {setActive.isError && (
        <p role="alert" className="field-error">
          {errorText(setActive.error)}
        </p>
      )}
    </Dialog>
  );
}
