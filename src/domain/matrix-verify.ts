/**
 * After the matrix's transaction: did it overwrite a change someone else made? Aidbox documents
 * `If-Match` for single PUT/PATCH/DELETE (docs/api/other/etag-support.md) but never `ifMatch` in
 * transaction entries (docs/api/batch-transaction.md), so a server may ignore it. Each written
 * policy's history (docs/api/rest-api/history.md, newest first) then shows it: the version just
 * before ours must be the one the admin's change was based on; anything else was written in
 * between and replaced by our PUT.
 */
import { parseLink, type LinkRef, type PolicyResource } from './matrix.ts';
import type { PolicyDiff } from './matrix-staging.ts';

export interface Overwrite {
  policyId: string;
  /** the version the admin's change was based on */
  baseVersion: string | undefined;
  /** the other writer's version that our write replaced (the newest one, if several) */
  lostVersion: string | undefined;
  /** how many versions were written in between */
  lostCount: number;
  theirAdded: string[];
  theirRemoved: string[];
  /** they changed more than Client links (rules, engine, User/Operation links): only history restores that */
  otherFieldsChanged: boolean;
  /** their Client-link changes, re-applied onto what we wrote */
  restore: PolicyDiff;
}

function clientSet(links: readonly LinkRef[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const ref of links ?? []) {
    const p = parseLink(ref);
    if (p?.[0] === 'Client') out.add(p[1]);
  }
  return out;
}

/** Everything but `meta` and Client links, in a stable form, whichever link format was used. */
function nonClientContent(p: PolicyResource): string {
  const { meta: _m, link, ...rest } = p;
  const others = (link ?? [])
    .map((ref) => parseLink(ref))
    .filter((x) => x !== undefined && x[0] !== 'Client')
    .map((x) => x!.join('/'))
    .sort();
  return JSON.stringify(rest, Object.keys(rest).sort()) + JSON.stringify(others);
}

const versionOf = (p: PolicyResource | undefined) => p?.meta?.versionId;

/**
 * @param base     the policies as the admin's change was based on
 * @param written  policy id → the version our transaction wrote (undefined if the answer did not say)
 * @param history  policy id → its versions, newest first
 */
export function findOverwrites(
  base: ReadonlyMap<string, PolicyResource>,
  written: ReadonlyMap<string, string | undefined>,
  history: ReadonlyMap<string, readonly PolicyResource[]>,
): Overwrite[] {
  const out: Overwrite[] = [];
  for (const [policyId, writtenVersion] of written) {
    const before = base.get(policyId);
    const versions = history.get(policyId) ?? [];
    const ours =
      writtenVersion === undefined ? 0 : versions.findIndex((v) => versionOf(v) === writtenVersion);
    if (ours < 0 || !before) continue;
    const previous = versions[ours + 1];
    if (!previous || versionOf(previous) === versionOf(before)) continue;
    const baseAt = versions.findIndex((v, i) => i > ours && versionOf(v) === versionOf(before));
    const was = clientSet(before.link);
    const theirs = clientSet(previous.link);
    const now = clientSet(versions[ours]?.link);
    const theirAdded = [...theirs].filter((c) => !was.has(c));
    const theirRemoved = [...was].filter((c) => !theirs.has(c));
    out.push({
      policyId,
      baseVersion: versionOf(before),
      lostVersion: versionOf(previous),
      lostCount: (baseAt < 0 ? versions.length : baseAt) - ours - 1,
      theirAdded,
      theirRemoved,
      otherFieldsChanged: nonClientContent(before) !== nonClientContent(previous),
      restore: {
        policyId,
        add: theirAdded.filter((c) => !now.has(c)),
        remove: theirRemoved.filter((c) => now.has(c)),
      },
    });
  }
  return out;
}

/** Policies whose current version is not the one the change was based on (deleted ones included). */
export function changedSince(
  base: ReadonlyMap<string, PolicyResource>,
  current: ReadonlyMap<string, PolicyResource | undefined>,
  ids: readonly string[],
): string[] {
  return ids.filter((id) => versionOf(base.get(id)) !== versionOf(current.get(id)));
}
