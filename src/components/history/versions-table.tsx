// The list of versions, newest first, with who wrote each one where Aidbox says so.
import type { Version } from '../../api/history.ts';
import { fieldChanges } from '../../domain/json-diff.ts';
import { Button } from '../ui/button.tsx';
import { TableScroll } from '../ui/table-scroll.tsx';

/**
 * Aidbox's history carries no author: an entry has the resource (versionId, lastUpdated) and the
 * request (aidbox-docs docs/api/rest-api/history.md). Who made a change is recorded only as an
 * AuditEvent, when audit logging is on (docs/access-control/audit-and-logging.md, agent.who). So
 * the column says that, rather than guessing from fields Aidbox does not document.
 */
export function VersionsTable(props: {
  versions: readonly Version[];
  when: (v: Version) => string;
  onRestore: (v: Version) => void;
}) {
  const { versions } = props;
  const latest = versions[0];
  return (
    <>
      <TableScroll label="Versions table">
        <table className="data-table" aria-label="Versions" aria-describedby="hv-author-note">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">When (meta.lastUpdated)</th>
              <th scope="col">Author</th>
              <th scope="col">Changes from the previous version</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => {
              const prev = versions[i + 1];
              const n = prev ? fieldChanges(prev.resource ?? {}, v.resource ?? {}).length : undefined;
              return (
                <tr key={v.versionId} data-version={v.versionId}>
                  <th scope="row">
                    {v.versionId}
                    {i === 0 ? ' (current)' : ''}
                  </th>
                  <td>{props.when(v)}</td>
                  <td className="hv-author">not recorded</td>
                  <td>
                    {!v.resource
                      ? 'deleted'
                      : n === undefined
                        ? 'created'
                        : `${n} field${n === 1 ? '' : 's'}`}
                  </td>
                  <td>
                    {i > 0 && v.resource && latest?.resource ? (
                      <Button size="sm" onClick={() => props.onRestore(v)}>
                        Restore version {v.versionId}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p id="hv-author-note" className="hv-muted">
        Author: Aidbox’s history does not record who wrote a version, only when. With audit logging enabled,
        Aidbox records the author of every create, update and delete as an AuditEvent.
      </p>
    </>
  );
}
