// "Who can…" over the shared fake Aidbox without development mode (its /auth/test-policy answers
// 404, as production Aidboxes do): the console decides from the policy text, names the deciding
// policy, and lists what only Aidbox could decide instead of counting it as "not allowed".
// Its own file: whether Aidbox answers test-policy is asked once per module (per session).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../testing/render.tsx';
import { auditRoutes } from './routes.tsx';

const seed = [
  { id: 'reader' },
  { id: 'reporter' },
  { id: 'nobody' },
  {
    resourceType: 'AccessPolicy',
    id: 'patient-read',
    engine: 'matcho',
    matcho: { operation: { id: 'FhirRead' } },
    link: [{ reference: 'Client/reader' }],
  },
  {
    resourceType: 'AccessPolicy',
    id: 'reporting-sql',
    engine: 'sql',
    sql: { query: 'SELECT true' },
    link: [{ reference: 'Client/reporter' }],
  },
];

/** The Client ids of a table's body rows, in order. */
const clientsIn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-client'));

describe('Who can…', () => {
  it('answers from the policy text when Aidbox has no development mode, and lists what it cannot decide', async () => {
    const { server } = renderRoutes(auditRoutes, '/audit/who?interaction=read&type=Patient', { seed });
    const allowed = await screen.findByRole(
      'table',
      { name: 'Clients allowed to read Patient' },
      { timeout: 5000 },
    );
    expect(
      await screen.findByText(/^Done: 1 evaluated by the console from the policy text, in/),
    ).toBeInTheDocument();
    expect(clientsIn(allowed)).toEqual(['reader']);
    expect(within(allowed).getByText('patient-read')).toBeInTheDocument();
    const undecided = screen.getByRole('table', { name: 'Clients not decided for read Patient' });
    expect(clientsIn(undecided)).toEqual(['reporter']);
    // The page says how these results were made (by the console, not Aidbox).
    expect(screen.getByLabelText('How these results were evaluated')).toBeInTheDocument();
    // A partial answer is never presented as complete.
    expect(screen.getByRole('heading', { level: 2 })).toHaveAttribute('data-complete', 'false');
    // Asked once whether Aidbox evaluates policies (404), and never for a policy.
    expect(server.requests.filter((r) => r.url.pathname === '/auth/test-policy')).toHaveLength(1);
    expect(server.testPolicyCalls).toHaveLength(0);
  });

  it('names, for each allowed Client with SMART scopes, the scope that also allows it or that none does', async () => {
    renderRoutes(auditRoutes, '/audit/who?interaction=read&type=Patient', {
      seed: [
        { id: 'app', type: 'smart-app', scope: ['launch/patient', 'patient/Patient.r'] },
        { id: 'plain' },
        { id: 'tool', scope: ['patient/Observation.rs'] },
        {
          resourceType: 'AccessPolicy',
          id: 'read-all',
          engine: 'matcho',
          matcho: { operation: { id: 'FhirRead' } },
        },
      ],
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Clients allowed to read Patient' },
      { timeout: 5000 },
    );
    await screen.findByText(/^Done:/);
    const scopeOf = (id: string) => table.querySelector(`tr[data-client="${id}"] td:last-child`)?.textContent;
    expect(scopeOf('app')).toBe('patient/Patient.r');
    expect(scopeOf('tool')).toBe('none covers it: denied to atv 2 tokens');
    expect(scopeOf('plain')).toBe('no scope');
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === 'P' && /a Client without scope is not restricted/.test(el.textContent ?? ''),
      ),
    ).toBeInTheDocument();
  });
});
