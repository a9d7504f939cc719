/**
 * The Client × AccessPolicy matrix model (aidbox-api.md §2.2, §2.3, §2.6): which policy links which
 * Client, and what kind of policy each one is. Pure: no React, no fetch. Policies and Clients come
 * in as plain resources; everything else (staging, apply plans, CSV) builds on `MatrixModel`.
 */
import type { AccessPolicy } from '../model/access-policy.ts';
import type { Reference } from '../model/meta.ts';

/** A `link` entry in either documented format: FHIR `{reference: 'Client/x'}` or Aidbox `{resourceType, id}`. */
export type LinkRef = Reference;

/** An AccessPolicy as the model writes it (src/model/access-policy.ts); the matrix reads `link`. */
export type PolicyResource = AccessPolicy;

export interface ClientRow {
  id: string;
  name: string;
  type: string;
  grantTypes: readonly string[];
  active: boolean;
}

/**
 * - `global`: no link, applies to every request (so to every Client).
 * - `client`: linked to Clients (maybe Users too, which only widens to those users' sessions).
 * - `mixed`: links a Client *and* an Operation; link entries are OR-ed, so it also applies to anyone
 *   calling that Operation — the classic mistake the matrix must flag.
 * - `user-or-operation`: linked to Users and/or Operations only.
 */
export type PolicyKind = 'global' | 'client' | 'mixed' | 'user-or-operation';

export interface PolicyColumn {
  id: string;
  engine: string;
  description: string;
  versionId: string | undefined;
  kind: PolicyKind;
  clientIds: readonly string[];
  userIds: readonly string[];
  operationIds: readonly string[];
}

export interface MatrixModel {
  clients: readonly ClientRow[];
  policies: readonly PolicyColumn[];
  /** policy id → ids of the Clients it links (server state, without staged changes) */
  links: ReadonlyMap<string, ReadonlySet<string>>;
  /** client id → how many policies link it */
  linkCount: ReadonlyMap<string, number>;
  /** the raw resources by id, so an apply can PUT them back with every other field untouched */
  resources: ReadonlyMap<string, PolicyResource>;
}

/** `{reference: 'Client/x'}` or `{resourceType: 'Client', id: 'x'}` → `['Client', 'x']`. */
export function parseLink(ref: LinkRef): [type: string, id: string] | undefined {
  if (typeof ref.reference === 'string') {
    const slash = ref.reference.indexOf('/');
    if (slash <= 0 || slash === ref.reference.length - 1) return undefined;
    return [ref.reference.slice(0, slash), ref.reference.slice(slash + 1)];
  }
  if (typeof ref.resourceType === 'string' && typeof ref.id === 'string') return [ref.resourceType, ref.id];
  return undefined;
}

function idsOf(links: readonly LinkRef[], type: string): string[] {
  const out: string[] = [];
  for (const ref of links) {
    const parsed = parseLink(ref);
    if (parsed && parsed[0] === type && !out.includes(parsed[1])) out.push(parsed[1]);
  }
  return out;
}

export function classify(links: readonly LinkRef[] | undefined): PolicyKind {
  if (!links || links.length === 0) return 'global';
  const hasClient = idsOf(links, 'Client').length > 0;
  const hasOperation = idsOf(links, 'Operation').length > 0;
  if (hasClient && hasOperation) return 'mixed';
  if (hasClient) return 'client';
  return 'user-or-operation';
}

export function toColumn(policy: PolicyResource): PolicyColumn {
  const links = policy.link ?? [];
  return {
    id: policy.id ?? '',
    engine: policy.engine ?? '',
    description: policy.description ?? '',
    versionId: policy.meta?.versionId,
    kind: classify(links),
    clientIds: idsOf(links, 'Client'),
    userIds: idsOf(links, 'User'),
    operationIds: idsOf(links, 'Operation'),
  };
}

export function buildMatrix(policies: readonly PolicyResource[], clients: readonly ClientRow[]): MatrixModel {
  const columns = policies.filter((p) => p.id).map(toColumn);
  const links = new Map<string, ReadonlySet<string>>();
  const linkCount = new Map<string, number>();
  const resources = new Map<string, PolicyResource>();
  for (const p of policies) if (p.id) resources.set(p.id, p);
  for (const col of columns) {
    links.set(col.id, new Set(col.clientIds));
    for (const c of col.clientIds) linkCount.set(c, (linkCount.get(c) ?? 0) + 1);
  }
  return { clients, policies: columns, links, linkCount, resources };
}

export function isLinked(model: MatrixModel, policyId: string, clientId: string): boolean {
  return model.links.get(policyId)?.has(clientId) ?? false;
}

/**
 * Applies intended additions and removals of Client links onto a (possibly fresher) link list.
 * Every entry that is not a removed Client stays as it was, in order (Users, Operations, Clients
 * someone else linked); additions go at the end in FHIR format and are never duplicated.
 *
 * @example applyLinkChanges([{reference: 'Client/a'}, {reference: 'User/u'}], ['b'], ['a'])
 * // [{reference: 'User/u'}, {reference: 'Client/b'}]
 */
export function applyLinkChanges(
  links: readonly LinkRef[],
  add: readonly string[],
  remove: readonly string[],
): LinkRef[] {
  const removing = new Set(remove);
  const kept = links.filter((ref) => {
    const parsed = parseLink(ref);
    return !(parsed && parsed[0] === 'Client' && removing.has(parsed[1]));
  });
  const present = new Set(idsOf(kept, 'Client'));
  for (const id of add) {
    if (removing.has(id) || present.has(id)) continue;
    kept.push({ reference: `Client/${id}` });
    present.add(id);
  }
  return kept;
}
