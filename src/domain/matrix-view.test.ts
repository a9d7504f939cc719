import { describe, expect, it } from 'vitest';
import { buildMatrix } from './matrix.ts';
import { client, policy } from '../testing/matrix-fixtures.ts';
import { EMPTY_STAGED, toggle } from './matrix-staging.ts';
import {
  DEFAULT_MATRIX_VIEW,
  csvField,
  distinctValues,
  matrixCsv,
  visibleClients,
  visiblePolicies,
} from './matrix-view.ts';

const model = buildMatrix(
  [
    policy('zeta', ['Client/b'], { engine: 'matcho', description: 'Reads labs' }),
    policy('alpha', ['Client/a', 'Client/b', 'Operation/FhirCreate'], { engine: 'allow' }),
    policy('global', undefined, { engine: 'sql' }),
    policy('users', ['User/u'], { engine: 'matcho' }),
  ],
  [client('c', 'Charlie', 'smart-app'), client('a', 'Zulu'), client('b', 'Bravo', 'smart-app')],
);
const view = DEFAULT_MATRIX_VIEW;

describe('visiblePolicies', () => {
  it('sorts by id by default, by engine, by link count', () => {
    expect(visiblePolicies(model, view).map((p) => p.id)).toEqual(['alpha', 'global', 'users', 'zeta']);
    expect(visiblePolicies(model, { ...view, columnSort: 'engine' }).map((p) => p.id)).toEqual([
      'alpha',
      'users',
      'zeta',
      'global',
    ]);
    expect(visiblePolicies(model, { ...view, columnSort: 'links' })[0]?.id).toBe('alpha');
  });

  it('filters by text (id or description), engine and kind', () => {
    expect(visiblePolicies(model, { ...view, policyText: 'LABS' }).map((p) => p.id)).toEqual(['zeta']);
    expect(visiblePolicies(model, { ...view, engine: 'matcho' }).map((p) => p.id)).toEqual(['users', 'zeta']);
    expect(visiblePolicies(model, { ...view, kind: 'global' }).map((p) => p.id)).toEqual(['global']);
    expect(visiblePolicies(model, { ...view, kind: 'linked' }).map((p) => p.id)).toEqual([
      'alpha',
      'users',
      'zeta',
    ]);
    expect(visiblePolicies(model, { ...view, kind: 'mixed' }).map((p) => p.id)).toEqual(['alpha']);
  });
});

describe('visibleClients', () => {
  const all = visiblePolicies(model, view);
  it('filters by id or name, type, and only rows with links among shown policies', () => {
    expect(visibleClients(model, view, all).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(visibleClients(model, { ...view, clientText: 'brav' }, all).map((c) => c.id)).toEqual(['b']);
    expect(visibleClients(model, { ...view, clientType: 'smart-app' }, all).map((c) => c.id)).toEqual([
      'b',
      'c',
    ]);
    expect(visibleClients(model, { ...view, clientType: '-' }, all).map((c) => c.id)).toEqual(['a']);
    expect(visibleClients(model, { ...view, onlyLinked: true }, all).map((c) => c.id)).toEqual(['a', 'b']);
    const zetaOnly = visiblePolicies(model, { ...view, policyText: 'zeta' });
    expect(visibleClients(model, { ...view, onlyLinked: true }, zetaOnly).map((c) => c.id)).toEqual(['b']);
  });

  it('sorts by name and by link count', () => {
    expect(visibleClients(model, { ...view, rowSort: 'name' }, all).map((c) => c.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(visibleClients(model, { ...view, rowSort: 'links' }, all).map((c) => c.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('lists distinct non-empty values', () => {
    expect(distinctValues(model.clients.map((c) => c.type))).toEqual(['smart-app']);
  });
});

describe('CSV export', () => {
  it('has one row per shown Client and one column per shown policy, pending marked', () => {
    const staged = toggle(EMPTY_STAGED, model, 'zeta', 'a');
    const policies = visiblePolicies(model, { ...view, kind: 'linked' });
    const clients = visibleClients(model, view, policies).slice(0, 2);
    expect(matrixCsv(model, staged, clients, policies).split('\r\n')).toEqual([
      '"Client id","Client name","Client type","Global policies","alpha","users","zeta"',
      '"a","Zulu","","1","linked","not linked","linked (pending)"',
      '"b","Bravo","smart-app","1","linked","not linked","linked"',
      '',
    ]);
  });

  it('escapes quotes and neutralises formulas', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM')).toBe('"\'@SUM"');
    expect(csvField('plain')).toBe('"plain"');
  });
});
