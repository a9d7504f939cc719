import { describe, expect, it } from 'vitest';
import { cellFor, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import { INTERACTIONS, keyForCell } from '../../domain/effective-access.ts';
import type { PolicyResource } from '../../domain/matrix.ts';
import { buildCellIndex, rowsFromIndex } from './access-model.ts';

const policies: PolicyResource[] = [
  { resourceType: 'AccessPolicy', id: 'g', engine: 'matcho', matcho: {} },
  {
    resourceType: 'AccessPolicy',
    id: 'a',
    engine: 'sql',
    sql: { query: '{{client.id}}' },
    link: [{ reference: 'Client/a' }],
  },
  { resourceType: 'AccessPolicy', id: 'op', engine: 'allow', link: [{ reference: 'Operation/FhirDelete' }] },
];
const clients = [
  { id: 'a', versionId: '1' },
  { id: 'b', versionId: '2' },
];

describe('cell index', () => {
  it('folds exactly as the domain cellFor does', () => {
    const results = new Map<string, EvalOutcome>();
    let n = 0;
    for (const c of clients)
      for (const p of policies)
        for (const i of INTERACTIONS)
          results.set(keyForCell(p, c, 'Patient', i), n++ % 3 === 0 ? true : n % 3 === 1 ? false : 'boom');
    const rows = rowsFromIndex(
      buildCellIndex(policies, clients, ['Patient', 'Claim'], INTERACTIONS),
      results,
    );
    expect(rows).toHaveLength(2 * 2 * INTERACTIONS.length);
    for (const r of rows) {
      expect(r.cell).toEqual(
        cellFor(
          results,
          policies,
          clients.find((c) => c.id === r.clientId) ?? { id: '' },
          r.resourceType,
          r.interaction,
        ),
      );
    }
  });
});
