// The matrix screen over the shared fake Aidbox: stage by clicking a cell, apply in one transaction
// with If-Match, and a colleague's concurrent change re-stages only the intents still to do.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeAidbox, type FakeAidbox, type Resource } from '../../testing/fake-aidbox.ts';
import { giveElementsSize } from '../../testing/layout.ts';
import { policy } from '../../testing/matrix-fixtures.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { policyRoutes } from './routes.tsx';

const seed: Resource[] = [
  { id: 'app-a', name: 'App A' },
  { id: 'app-b', name: 'App B' },
  { id: 'app-c', name: 'App C' },
  policy('read-all', ['Client/app-a']),
];

const cell = (client: string, policyId: string) =>
  screen.findByRole('gridcell', { name: new RegExp(`^Client ${client} — policy ${policyId} — `) });

const transactions = (server: FakeAidbox) =>
  server.requests.filter((r) => r.method === 'POST' && r.url.pathname === '/fhir');

function linksOf(server: FakeAidbox, id: string): unknown {
  return server.resources.get('AccessPolicy')?.get(id)?.link;
}

describe('Policy matrix', () => {
  // The grid is virtualized on both axes: without a size it would render no cells.
  beforeEach(() => giveElementsSize());

  it('stages a link by clicking a cell and applies it in one guarded transaction', async () => {
    const user = userEvent.setup();
    const { server } = renderRoutes(policyRoutes, '/policies/matrix', { seed });
    // The first render loads the matrix chunk: more than findBy's default second on a busy machine.
    await screen.findByRole('grid', { name: 'Clients × AccessPolicies' }, { timeout: 10_000 });
    expect(await cell('app-a', 'read-all')).toHaveAccessibleName(/— linked$/);

    await user.click(await cell('app-b', 'read-all'));
    expect(await cell('app-b', 'read-all')).toHaveAccessibleName(/— linked — pending$/);
    const tray = screen.getByRole('complementary', { name: /Pending changes/ });
    expect(within(tray).getByRole('heading')).toHaveTextContent('Pending changes 1');
    expect(transactions(server)).toHaveLength(0); // nothing is written until Apply

    await user.click(within(tray).getByRole('button', { name: 'Apply 1 change' }));
    expect(await screen.findByText('Applied 1 change to 1 policy.')).toBeInTheDocument();
    const [tx] = transactions(server);
    expect(tx?.body).toMatchObject({
      type: 'transaction',
      entry: [{ request: { method: 'PUT', url: 'AccessPolicy/read-all', ifMatch: 'W/"4"' } }],
    });
    expect(linksOf(server, 'read-all')).toEqual([
      { reference: 'Client/app-a' },
      { reference: 'Client/app-b' },
    ]);
    // The grid re-reads the server: the cell is linked, no longer pending.
    await waitFor(async () => expect(await cell('app-b', 'read-all')).toHaveAccessibleName(/— linked$/));
  }, 15_000);

  it('on a concurrent change, re-stages only the intents left to do and applies them on the fresh version', async () => {
    const user = userEvent.setup();
    const server = fakeAidbox(seed);
    renderRoutes(policyRoutes, '/policies/matrix', { server });
    await screen.findByRole('grid', { name: 'Clients × AccessPolicies' }, { timeout: 10_000 });
    await user.click(await cell('app-b', 'read-all'));
    await user.click(await cell('app-c', 'read-all'));
    const tray = screen.getByRole('complementary', { name: /Pending changes/ });
    expect(within(tray).getByRole('heading')).toHaveTextContent('Pending changes 2');

    // A colleague links app-c meanwhile. The grid's own re-read is held back, so what the tray shows
    // right after the conflict comes from the re-stage alone, not from a refetch.
    const theirs = server.write({ ...policy('read-all', ['Client/app-a', 'Client/app-c']) });
    const release = server.hold(
      (r) => r.method === 'GET' && r.url.pathname === '/fhir/AccessPolicy' && !r.url.searchParams.has('_id'),
    );
    await user.click(within(tray).getByRole('button', { name: 'Apply 2 changes' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed these policies' });
    expect(dialog).toHaveTextContent('They linked: +app-c');
    expect(dialog).toHaveTextContent('Yours, re-applied: +app-b');
    expect(dialog).toHaveTextContent('Already as you wanted: app-c');
    expect(transactions(server)).toHaveLength(0); // the stale version was never written over
    expect(within(tray).getByRole('heading')).toHaveTextContent('Pending changes 1');
    expect(within(tray).queryByText('app-c')).toBeNull();
    release();

    await user.click(within(dialog).getByRole('button', { name: 'Apply re-based changes' }));
    expect(await screen.findByText('Applied 1 change to 1 policy.')).toBeInTheDocument();
    const [tx] = transactions(server);
    expect(tx?.body).toMatchObject({
      entry: [{ request: { ifMatch: `W/"${(theirs.meta as { versionId: string }).versionId}"` } }],
    });
    expect(linksOf(server, 'read-all')).toEqual([
      { reference: 'Client/app-a' },
      { reference: 'Client/app-c' },
      { reference: 'Client/app-b' },
    ]);
  }, 15_000);
});
