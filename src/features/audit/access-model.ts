// Builds what the effective-access and who-can screens show from the plan's results: the rows
// (also the evidence export, so screen and file agree) for chosen Clients, types and interactions.
import type { ClientShape } from '../../domain/client-shape.ts';
import { cellFromCandidates, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import { candidatePolicies, type ClientRef, type Interaction } from '../../domain/effective-access.ts';
import type { AccessRow } from '../../domain/evidence.ts';
import type { PolicyResource } from '../../domain/matrix.ts';

export function clientRef(c: ClientShape): ClientRef {
  return { id: c.id ?? '', versionId: c.meta?.versionId };
}

export function accessRows(
  results: ReadonlyMap<string, EvalOutcome>,
  policies: readonly PolicyResource[],
  clients: readonly ClientRef[],
  types: readonly string[],
  interactions: readonly Interaction[],
): AccessRow[] {
  const rows: AccessRow[] = [];
  for (const client of clients) {
    const candidates = new Map(interactions.map((i) => [i, candidatePolicies(policies, client.id, i)]));
    for (const resourceType of types) {
      for (const interaction of interactions) {
        const cell = cellFromCandidates(
          results,
          candidates.get(interaction) ?? [],
          client,
          resourceType,
          interaction,
        );
        rows.push({ clientId: client.id, resourceType, interaction, cell });
      }
    }
  }
  return rows;
}
