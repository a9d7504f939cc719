import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { clientQueries, type ClientRecord } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import { Button } from '../../components/ui/button.tsx';
import { StatusLine } from '../../components/ui/status-line.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { LeaveGuard, SKIP_LEAVE_GUARD } from '../../components/ui/leave-guard.tsx';
import { mergePatch, rebaseEdit } from '../../domain/json-diff.ts';
import type { JsonObject } from '../../model/json.ts';
import { asJson, isVaultManaged } from './client-view.ts';
import { useDeleteClient, usePatchClient } from './client-mutations.ts';
import { ClientFindingsBanner } from './client-findings-banner.tsx';
import { ClientPoliciesPanel } from './client-policies-panel.tsx';
import { ClientSessionsPanel } from './client-sessions-panel.tsx';
import { errorText } from '../../components/ui/error-text.ts';
import { ConflictView } from './conflict-view.tsx';
import { useConsoleClientId } from './console-client.ts';
import { DeleteClientDialog } from './delete-client-dialog.tsx';
import { EditorForm, type SaveOutcome } from './editor-form.tsx';
import { paths } from '../../routes/paths.ts';

interface Conflict {
  theirs: ClientRecord;
  mine: JsonObject;
}

/**
 * Owns what a save is based on: `base` is the server version the user loaded (its versionId goes
 * into If-Match), `draft` the Client the form edits on top of. A conflict never discards `mine`.
 */
export function ClientEditor({ record }: { record: ClientRecord }) {
  const id = record.client.id ?? '';
  const [base, setBase] = useState(record);
  const [draft, setDraft] = useState<JsonObject>(() => asJson(record));
  const [epoch, setEpoch] = useState(0);
  const [conflict, setConflict] = useState<Conflict>();
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState(false);
  const consoleClientId = useConsoleClientId();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const patch = usePatchClient();
  const remove = useDeleteClient();
  const isConsole = id === consoleClientId;

  function restart(nextBase: ClientRecord, nextDraft: JsonObject) {
    setBase(nextBase);
    setDraft(nextDraft);
    setConflict(undefined);
    setEpoch((e) => e + 1);
  }

  async function save(edited: JsonObject): Promise<SaveOutcome> {
    setNotice('');
    const body = mergePatch(asJson(base), edited);
    if (Object.keys(body).length === 0) {
      // A toast, not a line at the top: the Save button may be in the sticky bar far below.
      toast.show('Nothing changed: there is nothing to save.');
      return { ok: true };
    }
    try {
      const saved = await patch.mutateAsync({ id, patch: body, versionId: base.versionId ?? '' });
      // The cache refreshes through the mutation's meta (one refetch).
      // No remount: the form stays mounted and adopts the saved version itself, keeping whatever
      // was typed while the save was in flight (a remount would reset it and drop focus).
      setBase(saved);
      setDraft(asJson(saved));
      toast.show('Saved.', 'success');
      return { ok: true, saved: asJson(saved) };
    } catch (error) {
      if (!isAidboxError(error) || error.reason !== 'version-conflict') return { ok: false, error };
      try {
        const theirs = await queryClient.fetchQuery({ ...clientQueries.detail(id), staleTime: 0 });
        setConflict({ theirs, mine: edited });
        return { ok: false };
      } catch (reloadError) {
        return { ok: false, error: reloadError };
      }
    }
  }

  return (
    <section className="cc-page" aria-labelledby="edit-heading">
      <header className="cc-page-header">
        <h1 id="edit-heading">
          Client <span className="cc-mono">{id}</span>
        </h1>
        <Link to={paths.clients()}>Back to Clients</Link>
      </header>
      <ClientFindingsBanner record={base} />
      <p className="cc-muted">
        {isVaultManaged(base) ? (
          <>Secret managed in a vault (read-only here; rotate it in the vault).</>
        ) : base.hasSecret ? (
          <>
            A secret is stored (never shown). <Link to={paths.rotateSecret({ id })}>Rotate secret</Link>
          </>
        ) : (
          <>No secret: this Client authenticates without one.</>
        )}
      </p>
      {base.invalidFields.length > 0 && (
        <p className="cc-callout cc-callout-warn">
          Fields the console cannot read are kept untouched on save: {base.invalidFields.join(', ')}.
        </p>
      )}
      <StatusLine>{notice}</StatusLine>
      {conflict ? (
        <>
          <LeaveGuard when title="Discard your unsaved changes?">
            <p>Your edit has not been saved because of the conflict. If you leave now, it is lost.</p>
          </LeaveGuard>
          <ConflictView
            base={asJson(base)}
            theirs={asJson(conflict.theirs)}
            mine={conflict.mine}
            onReapply={() =>
              restart(conflict.theirs, rebaseEdit(asJson(base), asJson(conflict.theirs), conflict.mine))
            }
            onKeepMine={() =>
              restart(conflict.theirs, { ...conflict.mine, meta: asJson(conflict.theirs).meta ?? null })
            }
            onTakeTheirs={() => restart(conflict.theirs, asJson(conflict.theirs))}
          />
        </>
      ) : (
        <EditorForm
          key={epoch}
          base={base}
          draft={draft}
          isConsole={isConsole}
          onSave={save}
          onDraft={(d) => restart(base, d)}
        />
      )}
      <ClientPoliciesPanel clientId={id} />
      <ClientSessionsPanel clientId={id} />
      <fieldset className="cc-section">
        <legend>Danger zone</legend>
        <p className="field-help">Deleting stops every application using this Client from getting tokens.</p>
        <div>
          <Button variant="danger" onClick={() => setDeleting(true)}>
            Delete Client…
          </Button>
        </div>
      </fieldset>
      {deleting && (
        <DeleteClientDialog
          clientId={id}
          isConsoleClient={isConsole}
          pending={remove.isPending}
          error={remove.isError ? errorText(remove.error) : undefined}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(
              { id, versionId: base.versionId ?? '' },
              { onSuccess: () => void navigate(paths.clients(), { replace: true, state: SKIP_LEAVE_GUARD }) },
            )
          }
        />
      )}
    </section>
  );
}
