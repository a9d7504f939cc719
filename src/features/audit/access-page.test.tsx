// Effective access over the shared fake Aidbox. Issue 11 §3: when Aidbox answers /auth/test-policy
// differently from the console's own evaluation, the disagreement is a visible finding and Aidbox's
// answer is the one the cell shows. Issue 13 §5: Aidbox's answers are cached, so a second visit asks
// Aidbox nothing again.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeAidbox, type Resource } from '../../testing/fake-aidbox.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { auditRoutes } from './routes.tsx';

const callsFor = (calls: readonly { policy: Resource }[], id: string) =>
  calls.filter((c) => c.policy.id === id).length;

describe('Effective access', () => {
  it('a disagreement between the console and Aidbox becomes a finding, and Aidbox’s answer is used', async () => {
    const server = fakeAidbox([
      { id: 'app', grant_types: ['basic'] },
      {
        resourceType: 'AccessPolicy',
        id: 'app-read',
        engine: 'matcho',
        matcho: { operation: { id: 'FhirRead' } },
        link: [{ reference: 'Client/app' }],
      },
    ]);
    server.verdict = () => false; // Aidbox denies what the console's matcho allows
    renderRoutes(auditRoutes, '/audit/access?client=app', { server });
    const finding = await screen.findByRole('alert', { name: 'Cross-check with Aidbox' }, { timeout: 5000 });
    // A small plan is cross-checked whole: the 20 read cells the console allows, Aidbox denies.
    expect(finding).toHaveTextContent(
      'The console and Aidbox disagree on 20 of 101 cross-checked evaluations',
    );
    const items = within(finding).getAllByRole('listitem');
    expect(items).toHaveLength(20);
    expect(items[0]).toHaveTextContent(
      'The console and Aidbox disagree on policy app-read for request GET /fhir/Client/audit-probe: the console says allowed, Aidbox says denied.',
    );
    expect(callsFor(server.testPolicyCalls, 'app-read')).toBe(101);
    // Aidbox is authoritative: the cells show its verdict, not the console's.
    expect(document.querySelector('td[data-cell="Client:read"]')).toHaveTextContent('Denied');
    expect(document.querySelector('td[data-cell="Patient:read"]')).toHaveTextContent('Denied');
  }, 15_000); // 101 cross-check calls: ~3 s alone, twice that on a busy 2-core machine

  it('asks Aidbox once: a second visit and “Evaluate again” are answered from the cache', async () => {
    const user = userEvent.setup();
    const server = fakeAidbox([
      { id: 'reporting' },
      {
        resourceType: 'AccessPolicy',
        id: 'reporting-sql',
        engine: 'sql', // only Aidbox can decide it
        sql: { query: 'SELECT true' },
        link: [{ reference: 'Client/reporting' }],
      },
    ]);
    server.verdict = (policy) => policy.id === 'reporting-sql';
    const { router } = renderRoutes(auditRoutes, '/audit/access?client=reporting', { server });
    const done = (text: RegExp) => screen.findByText(text, {}, { timeout: 5000 });
    await done(/^Done: .*; 1 decided by Aidbox; \d+ cross-checked; in [\d.]+ s\.$/);
    const asked = server.testPolicyCalls.length;
    expect(callsFor(server.testPolicyCalls, 'reporting-sql')).toBeGreaterThan(0);
    expect(document.querySelector('td[data-cell="Patient:read"]')).toHaveTextContent('Allowed');

    // Leave and come back: a fresh screen, the same session.
    await act(() => router.navigate('/audit/access'));
    await act(() => router.navigate('/audit/access?client=reporting'));
    await done(/^Done: .*\(\d+ answered from cache\)\.$/);
    expect(document.querySelector('td[data-cell="Patient:read"]')).toHaveTextContent('Allowed');
    await user.click(screen.getByRole('button', { name: 'Evaluate again' }));
    await done(/^Done: .*\(\d+ answered from cache\)\.$/);
    expect(server.testPolicyCalls).toHaveLength(asked);
  }, 15_000);

  it('a SMART Client’s scopes stand beside its policy cells, with the both-must-allow rule', async () => {
    const server = fakeAidbox([
      {
        id: 'tracker',
        type: 'smart-app',
        scope: ['launch/patient', 'openid', 'patient/Patient.rs', 'patient/*.c', 'patient/Observation.rx'],
      },
      {
        resourceType: 'AccessPolicy',
        id: 'tracker-all',
        engine: 'allow',
        link: [{ reference: 'Client/tracker' }],
      },
    ]);
    server.verdict = () => true;
    renderRoutes(auditRoutes, '/audit/access?client=tracker', { server });
    const panel = await screen.findByRole('region', { name: 'SMART scopes' }, { timeout: 5000 });
    expect(within(panel).getByRole('note', { name: 'Scopes and policies' })).toHaveTextContent(
      /must be allowed by both a granted scope .* and an AccessPolicy.*Aidbox puts atv: 2 in the tokens it issues for this Client/,
    );
    const table = within(panel).getByRole('table', { name: 'Allowed resource scopes' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'ScopeContextResource typeAllowsOnly where',
      'patient/Patient.rspatientthe launch patient’s dataPatientread, search—',
      'patient/*.cpatientthe launch patient’s dataevery type (*)create—',
    ]);
    expect(panel).toHaveTextContent('Other scopes (reach no resource): launch/patient openid');
    expect(within(panel).getByRole('note', { name: 'Malformed scopes' })).toHaveTextContent(
      'patient/Observation.rx',
    );
    // Policies allow everything; the scope line says what an atv 2 token may still do.
    await screen.findByText(/^Done:/, {}, { timeout: 5000 });
    const cell = (c: string) => document.querySelector(`td[data-cell="${c}"]`);
    expect(cell('Patient:read')).toHaveTextContent('Allowed');
    expect(cell('Patient:read')).toHaveTextContent('scope: patient/Patient.rs');
    expect(cell('Patient:delete')).toHaveTextContent('Allowed');
    expect(cell('Patient:delete')).toHaveTextContent('no scope covers it: denied to atv 2 tokens');
    expect(cell('Observation:create')).toHaveTextContent('scope: patient/*.c');
    expect(cell('Observation:transaction')).toHaveTextContent('scopes: checked per entry');
  });

  it('on cells the policies deny, only a scope that would allow them is named', async () => {
    const server = fakeAidbox([
      { id: 'reader', type: 'smart-app', scope: ['patient/Patient.rs', 'patient/Observation.c'] },
      {
        resourceType: 'AccessPolicy',
        id: 'reader-get',
        engine: 'matcho',
        matcho: { 'request-method': 'get' },
        link: [{ reference: 'Client/reader' }],
      },
    ]);
    server.verdict = (_policy, request) => request['request-method'] === 'get';
    renderRoutes(auditRoutes, '/audit/access?client=reader', { server });
    await screen.findByText(/^Done:/, {}, { timeout: 5000 });
    const cell = (c: string) => document.querySelector(`td[data-cell="${c}"]`);
    expect(cell('Patient:read')).toHaveTextContent(/^Allowed by reader-getscope: patient\/Patient\.rs$/);
    expect(cell('Encounter:read')).toHaveTextContent(
      /^Allowed by reader-getno scope covers it: denied to atv 2 tokens$/,
    );
    expect(cell('Observation:create')).toHaveTextContent(/^Deniedscope: patient\/Observation\.c$/);
    expect(cell('Patient:delete')).toHaveTextContent(/^Denied$/);
    expect(cell('Patient:transaction')).toHaveTextContent(/^Denied$/);
  });

  it('a Client without scopes shows no scope panel or lines', async () => {
    const server = fakeAidbox([
      { id: 'plain', grant_types: ['basic'] },
      {
        resourceType: 'AccessPolicy',
        id: 'plain-all',
        engine: 'allow',
        link: [{ reference: 'Client/plain' }],
      },
    ]);
    server.verdict = () => true;
    renderRoutes(auditRoutes, '/audit/access?client=plain', { server });
    await screen.findByText(/^Done:/, {}, { timeout: 5000 });
    expect(screen.queryByRole('region', { name: 'SMART scopes' })).toBeNull();
    expect(document.querySelector('.au-scope')).toBeNull();
  });
});
