// Builds what the effective-access and who-can screens show from the plan's results: the rows
// (also the evidence export, so screen and file agree) for chosen Clients, types and interactions.
// The cell index (which result keys each cell reads) is built once per plan; folding results into
// rows is then only map lookups, cheap enough to redo while thousands of results stream in.
import type { ClientSubject } from '../../domain/client-grants.ts';
import { foldKeys, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import {
  ANY_TYPE,
  candidatePolicies,
  keyForCell,
  typeFor,
  type ClientRef,
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

export function buildCellIndex(
  policies: readonly PolicyResource[],
  clients: readonly ClientRef[],
  types: readonly string[],
  interactions: readonly Interaction[],
): IndexedCell[] {
  const out: IndexedCell[] = [];
  for (const client of clients) {
    for (const interaction of interactions) {
      const list = candidatePolicies(policies, client.id, interaction);
      const policyIds = list.map((p) => p.id ?? '');
      // The key of a candidate differs between types only in its type part: build the rest once.
      const prefixes = list.map((p) =>
        keyForCell(p, client, ANY_TYPE, interaction).slice(0, -suffixLength(interaction)),
      );
      for (const resourceType of types) {
        const suffix = `${typeFor(resourceType, interaction)}|${interaction}`;
        out.push({
          clientId: client.id,
          resourceType,
          interaction,
          policyIds,
          keys: prefixes.map((x) => x + suffix),
        });
      }
    }
  }
  return out;
}

/** Length of "<type>|<interaction>" at the end of a key built for ANY_TYPE. */
function suffixLength(interaction: Interaction): number {
  return `${ANY_TYPE}|${interaction}`.length;
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
