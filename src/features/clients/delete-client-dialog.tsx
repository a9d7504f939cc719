import { useState, type ReactNode } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { TextField } from '../../components/form/text-field.tsx';

interface DeleteClientDialogProps {
  clientId: string;
  isConsoleClient: boolean;
  pending: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
  /** What breaks (grants, Sessions, linked policies), when the caller knows the Client. */
  impact?: ReactNode;
}

/** Delete needs the id typed back, and the console's own Client needs an extra acknowledgement. */
export function DeleteClientDialog(props: DeleteClientDialogProps) {
  const { clientId, isConsoleClient, pending, error, onConfirm, onClose, impact } = props;
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const ready = typed === clientId && (!isConsoleClient || understood) && !pending;

  return (
    <Dialog
      open
      title={`Delete Client ${clientId}?`}
      onClose={onClose}
      dismissible={!pending}
      footer={
        <>
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" disabled={!ready} loading={pending} onClick={onConfirm}>
            Delete Client
          </Button>
        </>
      }
    >
      <p>
        Applications using this Client can no longer sign in or get tokens. This cannot be undone from the
        console.
      </p>
      {impact}
      {isConsoleClient && <LockoutWarning checked={understood} onChange={setUnderstood} action="delete" />}
      <TextField
        label={
          <>
            Type <strong className="cc-mono">{clientId}</strong> to confirm
          </>
        }
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}

interface LockoutWarningProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  action: 'delete' | 'change' | 'deactivate';
}

export function LockoutWarning({ checked, onChange, action }: LockoutWarningProps) {
  return (
    <div className="cc-callout cc-callout-danger">
      <p>
        <strong>This is the console&apos;s own Client.</strong> If you {action} it and the result is wrong,
        nobody can sign in to this console any more; repairing it then needs direct access to Aidbox.
      </p>
      <Checkbox
        label="I understand I may lock everyone out of the console"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
    </div>
  );
}
