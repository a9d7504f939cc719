// A policy's page over the shared fake Aidbox: what it links, and its history with a restore that is
// one merge-PATCH guarded by the current version, after which every view of the policy is fresh.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAidbox } from '../../testing/fake-aidbox.ts';
import { policy } from '../../testing/matrix-fixtures.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { policyRoutes } from './routes.tsx';

describe('Policy page', () => {
  it('restores an older version with If-Match and shows the result everywhere', async () => {
    const user = userEvent.setup();
    const server = fakeAidbox([
      policy('read-all', ['Client/app-a', 'User/ada'], { description: 'Reads for the portal' }),
    ]);
    const theirs = server.write(
      policy('read-all', ['Client/app-a', 'User/ada'], { description: 'Changed by a colleague' }),
    );
    const { router } = renderRoutes(policyRoutes, '/policies/read-all', { server });

    expect(await screen.findByText('Changed by a colleague', {}, { timeout: 5_000 })).toBeInTheDocument();
    const clients = screen.getByRole('region', { name: 'Clients' });
    expect(within(clients).getByRole('link', { name: 'app-a' })).toHaveAttribute('href', '/clients/app-a');
    expect(within(screen.getByRole('region', { name: 'Users' })).getByText('ada')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /History/ }));
    expect(router.state.location.search).toBe('?tab=history');
    const versions = await screen.findByRole('table', { name: 'Versions' });
    await user.click(within(versions).getByRole('button', { name: 'Restore version 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore version 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    const current = theirs.meta as { versionId: string };
    expect(await screen.findByText(/^Restored version 1 as version \d+\./)).toBeInTheDocument();
    const [patch] = server.requests.filter((r) => r.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/fhir/AccessPolicy/read-all');
    expect(patch?.headers.get('if-match')).toBe(`W/"${current.versionId}"`);
    expect(patch?.body).toEqual({ description: 'Reads for the portal' });
    // The write's invalidation re-reads the history and the policy itself.
    await waitFor(() =>
      expect(within(versions).getByText(/\(current\)/)).not.toHaveTextContent(current.versionId),
    );
    await user.click(screen.getByRole('tab', { name: /Overview/ }));
    expect(await screen.findByText('Reads for the portal')).toBeInTheDocument();
  }, 15_000);
});
