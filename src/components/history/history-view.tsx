// The versions of a Client or policy, a field diff between any two, and a version-guarded restore
// (issue 7 §5). Shared by the audit history page and the History tabs of the Client editor and the
// policy page (issue 14 §9), so it lives below the features. Secrets show only as "changed" and are
// never restored.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { historyMutations, historyQueries, type AuditedType, type Version } from '../../api/history.ts';
import { isAidboxError } from '../../api/errors.ts';
import { fieldChanges, restorePatch, secretDiffers } from '../../domain/json-diff.ts';
import { ChangeTable } from '../ui/change-table.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { formatDateTime } from '../ui/date-time-format.ts';
import { Skeleton } from '../ui/spinner.tsx';
import { VersionsTable } from './versions-table.tsx';
import './history.css';

function when(v: Version | undefined): string {
  return formatDateTime(v?.lastUpdated);
}

interface VersionSelectProps {
  id: string;
  label: string;
  versions: readonly Version[];
  value: string | undefined;
  onChange: (versionId: string) => void;
}

/** One side of the comparison: a version and when it was written. */
function VersionSelect({ id, label, versions, value, onChange }: VersionSelectProps) {
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.versionId} value={v.versionId}>
            {v.versionId} — {when(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function HistoryView({ type, id }: { type: AuditedType; id: string }) {
  const history = useQuery(historyQueries.versions(type, id));
  // Invalidation of everything cached about `type` is declared in the mutation's meta.
  const restore = useMutation(historyMutations.restore(type, id));
  const versions = history.data ?? [];
  const latest = versions[0];
  const [fromSel, setFrom] = useState<string>();
  const [toSel, setTo] = useState<string>();
  const [restoring, setRestoring] = useState<Version>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const fid = useId();

  const from = versions.find((v) => v.versionId === fromSel) ?? versions[1] ?? latest;
  const to = versions.find((v) => v.versionId === toSel) ?? latest;
  const changes = from && to ? fieldChanges(from.resource ?? {}, to.resource ?? {}) : [];

  async function confirmRestore() {
    if (!restoring || !latest?.resource) return;
    setBusy(true);
    const patch = restorePatch(restoring.resource ?? {}, latest.resource);
    try {
      const v = await restore.mutateAsync({ mergePatch: patch, currentVersionId: latest.versionId });
      const secretNote =
        type === 'Client' && secretDiffers(restoring.resource ?? {}, latest.resource)
          ? ' The secret was not restored: the current secret stays in place (rotate it if needed).'
          : '';
      setNotice({
        tone: 'ok',
        text: `Restored version ${restoring.versionId} as version ${v ?? '?'}.${secretNote}`,
      });
    } catch (e) {
      const conflict = isAidboxError(e) && e.kind === 'conflict';
      // A failed write invalidates nothing; the history is reread so the newest version shows.
      void history.refetch();
      setNotice({
        tone: 'error',
        text: conflict
          ? 'Someone changed it after this history was loaded, so nothing was restored. The history has been reloaded: check the newest version and restore again if still needed.'
          : `Restore failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
      setRestoring(undefined);
    }
  }

  const restorePreview =
    restoring && latest?.resource ? restorePatch(restoring.resource ?? {}, latest.resource) : {};
  return (
    <div className="hv">
      {notice ? (
        <p
          className={notice.tone === 'ok' ? 'hv-note' : 'hv-note hv-note-error'}
          role={notice.tone === 'ok' ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      ) : null}
      {history.error ? (
        <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <div role="status" aria-label="Loading history">
          <Skeleton lines={5} />
        </div>
      ) : versions.length === 0 ? (
        <p className="hv-muted">No versions recorded.</p>
      ) : (
        <>
          <VersionsTable versions={versions} when={when} onRestore={setRestoring} />
          <div className="hv-compare" role="group" aria-label="Compare versions">
            <VersionSelect
              id={`${fid}-from`}
              label="From version"
              versions={versions}
              value={from?.versionId}
              onChange={setFrom}
            />
            <VersionSelect
              id={`${fid}-to`}
              label="To version"
              versions={versions}
              value={to?.versionId}
              onChange={setTo}
            />
          </div>
          <ChangeTable
            changes={changes}
            caption={`Changes from version ${from?.versionId ?? '?'} to ${to?.versionId ?? '?'}`}
          />
        </>
      )}
      <ConfirmDialog
        open={restoring !== undefined}
        title={`Restore version ${restoring?.versionId ?? ''}?`}
        confirmLabel="Restore"
        tone="primary"
        busy={busy}
        onConfirm={() => void confirmRestore()}
        onCancel={() => setRestoring(undefined)}
      >
        <p>
          These fields go back to their values in version {restoring?.versionId}, as one change guarded by the
          current version {latest?.versionId} (If-Match): if anyone changed it since, nothing is written.
        </p>
        <ul className="hv-mono">
          {Object.keys(restorePreview).map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
        {type === 'Client' ? <p>The secret is never restored: a Client keeps its current secret.</p> : null}
      </ConfirmDialog>
    </div>
  );
}
