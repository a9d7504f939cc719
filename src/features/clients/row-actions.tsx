// The row-menu actions that need a confirmation: delete (typed id) and deactivating the console's
// own Client. The list loads this module on demand, so the dialogs and the mutation machinery are
// not part of its first load (docs/decisions/0004-first-load-budget.md).
import { useState } from 'react';
import type { ClientRecord } from '../../api/clients.ts';
import { useConsoleClientId } from './console-client.ts';
import { DeleteClientDialog, LockoutWarning } from './delete-client-dialog.tsx';
import { useDeleteClient, useSetActive } from './client-mutations.ts';
import { errorText } from './error-text.ts';
import { Modal } from './modal.tsx';

export type PendingAction = { kind: 'toggle' | 'delete'; record: ClientRecord } | undefined;

interface RowActionsProps {
  action: NonNullable<PendingAction>;
  onDone: () => void;
}

/** Row-menu actions that need a confirmation: delete (typed id) and deactivating the console's own Client. */
export function RowActions({ action, onDone }: RowActionsProps) {
  const consoleClientId = useConsoleClientId();
  const setActive = useSetActive();
  const remove = useDeleteClient();
  const [understood, setUnderstood] = useState(false);
  const { record } = action;
  const id = record.client.id ?? '';
  const versionId = record.versionId ?? '*';
  const nextActive = record.client.active === false;
  const isConsole = id === consoleClientId;
  const needsGuard = isConsole && !nextActive;

  function toggle() {
    setActive.mutate({ id, active: nextActive, versionId }, { onSuccess: onDone });
  }

  if (action.kind === 'delete') {
    return (
      <DeleteClientDialog
        clientId={id}
        isConsoleClient={isConsole}
        pending={remove.isPending}
        error={remove.isError ? errorText(remove.error) : undefined}
        onConfirm={() => remove.mutate({ id, versionId }, { onSuccess: onDone })}
        onClose={onDone}
      />
    );
  }
  return (
    <Modal
      title={`${nextActive ? 'Activate' : 'Deactivate'} ${id}?`}
      onClose={onDone}
      actions={
        <>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button
            type="button"
            disabled={(needsGuard && !understood) || setActive.isPending}
            onClick={toggle}
          >
            {setActive.isError ? 'Try again' : nextActive ? 'Activate' : 'Deactivate'}
          </button>
        </>
      }
    >
      {needsGuard && <LockoutWarning checked={understood} onChange={setUnderstood} action="deactivate" />}
      {setActive.isError && (
        <p role="alert" className="cc-error">
          {errorText(setActive.error)}
        </p>
      )}
    </Modal>
  );
}
