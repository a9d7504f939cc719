// Builds what the effective-access and who-can screens show from the plan's results: the rows
// (also the evidence export, so screen and file agree) for chosen Clients, types and interactions.
// The cell index (which result keys each cell reads) is built once per plan; folding results into
// rows is then only map lookups, cheap enough to redo while thousands of results stream in.
import type { ClientShape } from '../../domain/client-shape.ts';
import { foldOutcomes, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import {
  candidatePolicies,
  keyForCell,
  type ClientRef,
  type Interaction,
} from '../../domain/effective-access.ts';
import type { AccessRow } from '../../domain/evidence.ts';
import type { PolicyResource } from '../../domain/matrix.ts';

export function clientRef(c: ClientShape): ClientRef {
  return { id: c.id ?? '', versionId: c.meta?.versionId };
}

export interface IndexedCell {
  clientId: string;
  resourceType: string;
  interaction: Interaction;
  /** candidate policy ids (sorted) and the result key each one is read from */
  policyIds: string[];
  keys: string[];
}

export function buildCellIndex(
  policies: readonly PolicyResource[],
  clients: readonly ClientRef[],
  types: readonly string[],
  interactions: readonly Interaction[],
): IndexedCell[] {
  const out: IndexedCell[] = [];
  for (const client of clients) {
    const candidates = new Map(interactions.map((i) => [i, candidatePolicies(policies, client.id, i)]));
    for (const resourceType of types) {
      for (const interaction of interactions) {
        const list = candidates.get(interaction) ?? [];
        out.push({
          clientId: client.id,
          resourceType,
          interaction,
          policyIds: list.map((p) => p.id ?? ''),
          keys: list.map((p) => keyForCell(p, client, resourceType, interaction)),
        });
      }
    }
  }
  return out;
}

export function rowsFromIndex(
  index: readonly IndexedCell[],
  results: ReadonlyMap<string, EvalOutcome>,
): AccessRow[] {
  return index.map((c) => ({
    clientId: c.clientId,
    resourceType: c.resourceType,
    interaction: c.interaction,
    cell: foldOutcomes(
      c.keys.map((k) => results.get(k)),
      c.policyIds,
    ),
  }));
}
