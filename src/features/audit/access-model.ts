// Builds what the effective-access and who-can screens show from the plan's results: the rows
// (also the evidence export, so screen and file agree) for chosen Clients, types and interactions.
// The cell index (which result keys each cell reads) is built once per plan; folding results into
// rows is then only map lookups, cheap enough to redo while thousands of results stream in.
import type { ClientSubject } from '../../domain/client-grants.ts';
import { foldKeys, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import {
  ANY_TYPE,
  candidatePolicies,
  dependsOnClient,
  evaluationKey,
  typeFor,
  type ClientRef,
  type Evaluation,
  type Interaction,
} from '../../domain/effective-access.ts';
import type { AccessRow } from '../../domain/evidence.ts';
import type { PolicyResource } from '../../domain/matrix.ts';

export function clientRef({ client }: ClientSubject): ClientRef {
  return { id: client.id ?? '', versionId: client.meta?.versionId };
}

export interface IndexedCell {
  clientId: string;
  resourceType: string;
  interaction: Interaction;
  /** candidate policy ids (sorted) and the result key each one is read from */
  policyIds: string[];
  keys: string[];
}

export interface AccessRun {
  /** Every distinct evaluation, in `planEvaluations`' order (the cross-check sample depends on it). */
  plan: Evaluation[];
  /** One entry per (Client, interaction, type), Client-major. */
  index: IndexedCell[];
}

/**
 * The plan and the cell index in one go, equal to `planEvaluations` and a cell-by-cell
 * `keyForCell` index. At 200 Clients × 120 cells × ~45 candidates that is a million keys: each key
 * string is built once per (policy, interaction, type) — per Client only for policies that read the
 * Client — and the plan, the cells and so the results map all hold the same string objects, so
 * folding cells is lookups of strings whose hash is already known, not a million concatenations.
 */
export function buildAccessRun(
  policies: readonly PolicyResource[],
  clients: readonly ClientRef[],
  types: readonly string[],
  interactions: readonly Interaction[],
): AccessRun {
  // Per policy object: its keys per interaction (and per Client when the rule reads the Client).
  const keyTable = new Map<PolicyResource, Map<string, string[]>>();
  /** Numbers the key arrays, so a list of them has a cheap signature. */
  const arrayIds = new Map<string[], number>();
  /** The key per index of `types` (all equal for transaction: one request whatever the type). */
  const keysFor = (policy: PolicyResource, client: ClientRef, interaction: Interaction): string[] => {
    const perClient = dependsOnClient(policy);
    let byPolicy = keyTable.get(policy);
    if (!byPolicy) keyTable.set(policy, (byPolicy = new Map<string, string[]>()));
    const memo = perClient ? `${interaction}|${client.id}` : interaction;
    let keys = byPolicy.get(memo);
    if (!keys) {
      const who = perClient ? client : undefined;
      const any = evaluationKey(policy, who, ANY_TYPE, interaction);
      keys =
        interaction === 'transaction'
          ? types.map(() => any)
          : types.map((t) => evaluationKey(policy, who, t, interaction));
      byPolicy.set(memo, keys);
      arrayIds.set(keys, arrayIds.size);
    }
    return keys;
  };
  const candidates = new Map<string, PolicyResource[]>();
  const candidatesOf = (client: ClientRef, interaction: Interaction) => {
    const memo = `${interaction}|${client.id}`;
    let list = candidates.get(memo);
    if (!list) candidates.set(memo, (list = candidatePolicies(policies, client.id, interaction)));
    return list;
  };

  const plan = new Map<string, Evaluation>();
  // A policy that ignores the Client has one key array per interaction: planned once, not per Client.
  const planned = new Set<string[]>();
  for (const interaction of interactions) {
    const n = interaction === 'transaction' ? Math.min(1, types.length) : types.length;
    for (const client of clients) {
      for (const policy of candidatesOf(client, interaction)) {
        const keys = keysFor(policy, client, interaction);
        if (planned.has(keys)) continue;
        planned.add(keys);
        const clientId = dependsOnClient(policy) ? client.id : undefined;
        for (let t = 0; t < n; t++) {
          const key = keys[t] as string;
          if (plan.has(key)) continue;
          const resourceType = typeFor(types[t] as string, interaction);
          plan.set(key, { key, policy, clientId, resourceType, interaction });
        }
      }
    }
  }

  const index: IndexedCell[] = [];
  // Clients whose candidates read the same keys (same links, rules that ignore the Client) share
  // their cells' key arrays.
  const shared = new Map<string, string[][]>();
  for (const client of clients) {
    for (const interaction of interactions) {
      const list = candidatesOf(client, interaction);
      const policyIds = list.map((p) => p.id ?? '');
      const keyRows = list.map((p) => keysFor(p, client, interaction));
      const signature = keyRows.map((row) => arrayIds.get(row)).join(',');
      let byType = shared.get(signature);
      if (!byType) {
        byType = types.map((_, t) => keyRows.map((row) => row[t] as string));
        shared.set(signature, byType);
      }
      types.forEach((resourceType, t) => {
        const keys = byType[t] as string[];
        index.push({ clientId: client.id, resourceType, interaction, policyIds, keys });
      });
    }
  }
  return { plan: [...plan.values()], index };
}

export function rowsFromIndex(
  index: readonly IndexedCell[],
  results: ReadonlyMap<string, EvalOutcome>,
): AccessRow[] {
  return index.map((c) => ({
    clientId: c.clientId,
    resourceType: c.resourceType,
    interaction: c.interaction,
    cell: foldKeys(results, c.keys, c.policyIds),
  }));
}
