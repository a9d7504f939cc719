// The policies list over the shared fake Aidbox: every policy with engine, kind and Client count,
// the mixed Client+Operation link flagged, and a search that stays in the URL.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { policy } from '../../testing/matrix-fixtures.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { policyRoutes } from './routes.tsx';

const seed = [
  policy('read-all', ['Client/app-a', 'Client/app-b'], { description: 'Read everything' }),
  policy('everyone', undefined, { engine: 'matcho', description: 'Applies to every request' }),
  policy('mixed-up', ['Client/app-a', 'Operation/FhirRead']),
];

const row = (id: string) => screen.getByRole('link', { name: id }).closest('tr') as HTMLElement;

describe('AccessPolicies list', () => {
  it('lists every policy with its engine, kind and linked Clients, and searches in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRoutes(policyRoutes, '/policies', { seed });
    expect(await screen.findByText('3 of 3 policies', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(row('read-all')).toHaveTextContent(/allow.*2.*Read everything/);
    expect(within(row('everyone')).getByText('matcho')).toBeInTheDocument();
    expect(within(row('mixed-up')).getByText(/⚠/)).toHaveClass('pm-warn');
    expect(row('read-all').querySelector('.pm-warn')).toBeNull();
    expect(screen.getByRole('link', { name: 'read-all' })).toHaveAttribute('href', '/policies/read-all');

    await user.type(screen.getByRole('searchbox', { name: 'Search policy id or description' }), 'every');
    expect(router.state.location.search).toBe('?q=every');
    expect(screen.getByText('2 of 3 policies')).toBeInTheDocument(); // id "everyone", "Read everything"
    expect(screen.queryByRole('link', { name: 'mixed-up' })).toBeNull();
  });
});
