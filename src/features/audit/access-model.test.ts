import { describe, expect, it } from 'vitest';
import { cellFor, type EvalOutcome } from '../../domain/effective-access-cells.ts';
import { INTERACTIONS, keyForCell, planEvaluations } from '../../domain/effective-access.ts';
import type { PolicyResource } from '../../domain/matrix.ts';
import { buildAccessRun, rowsFromIndex } from './access-model.ts';

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
      buildAccessRun(policies, clients, ['Patient', 'Claim'], INTERACTIONS).index,
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

  it('plans exactly what planEvaluations plans, in its order, and indexes each cell by keyForCell', () => {
    const types = ['Patient', 'Claim', 'Observation'];
    const many = [
      ...policies,
      {
        resourceType: 'AccessPolicy',
        id: 'b-read',
        engine: 'matcho',
        matcho: { uri: '#/fhir/' },
        link: [{ reference: 'Client/b' }],
      },
      {
        resourceType: 'AccessPolicy',
        id: 'who',
        engine: 'json-schema',
        schema: { required: ['client'] },
        link: [{ reference: 'Operation/FhirRead' }],
        meta: { versionId: '7' },
      },
    ] as PolicyResource[];
    const { plan, index } = buildAccessRun(many, clients, types, INTERACTIONS);
    expect(plan).toEqual(planEvaluations(clients, many, types, INTERACTIONS));
    expect(index).toHaveLength(clients.length * INTERACTIONS.length * types.length);
    const keys = new Set(plan.map((e) => e.key));
    for (const cell of index) {
      const client = clients.find((c) => c.id === cell.clientId) ?? { id: '' };
      const expected = cell.policyIds.map((id) =>
        keyForCell(
          many.find((p) => p.id === id) ?? policies[0]!,
          client,
          cell.resourceType,
          cell.interaction,
        ),
      );
      expect(cell.keys).toEqual(expected);
      for (const k of cell.keys) expect(keys.has(k)).toBe(true);
    }
    // Cells and plan share one string per key (what makes folding cheap).
    const inPlan = new Map(plan.map((e) => [e.key, e.key]));
    expect(index.every((c) => c.keys.every((k) => Object.is(inPlan.get(k), k)))).toBe(true);
  });
});
