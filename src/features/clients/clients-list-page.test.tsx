import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model/json.ts';
import { renderRoutes, type RenderOptions } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';

const renderClients = (path: string, seed: RenderOptions['seed'] = []) =>
  renderRoutes(clientRoutes, path, { seed });

const seed: JsonObject[] = [
  {
    id: 'portal',
    name: 'Patient portal',
    grant_types: ['implicit'],
    auth: { implicit: { redirect_uri: 'https://p.example.com/cb' } },
  },
  {
    id: 'billing',
    name: '<img src=x onerror=alert(1)>',
    secret: 'h',
    grant_types: ['client_credentials'],
    active: false,
  },
];

describe('Clients list', () => {
  it('renders rows, types and risk badges, with untrusted text as text', async () => {
    renderClients('/clients', seed);
    // The first render loads the route chunk: allow more than the default second on a busy machine.
    const portal = (await screen.findByRole('link', { name: 'portal' }, { timeout: 5000 })).closest(
      'tr',
    ) as HTMLElement;
    // Risks: the review's rules (implicit grant, no policy links it, no Session lately), worst
    // first, linked to this Client's findings in the review.
    const risk = await within(portal).findByRole('link', { name: /3 findings, highest high/ });
    expect(risk).toHaveTextContent('High · 3');
    expect(risk).toHaveAttribute('href', '/audit?client=portal');
    expect(risk.title).toMatch(/high: Implicit grant/);
    expect(within(portal).getByText('Public')).toBeInTheDocument();
    const billing = screen.getByRole('link', { name: 'billing' }).closest('tr') as HTMLElement;
    expect(within(billing).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(within(billing).getByText('Confidential')).toBeInTheDocument();
    expect(within(billing).getByText('No')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
    // Inactive with a secret never rotated: the same findings as the review, not just the lint rules.
    expect(await within(billing).findByRole('link', { name: /2 findings, highest medium/ })).toBeVisible();
  });

  it('shows how old each stored secret is and flags one older than a year', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    renderClients('/clients', [
      { id: 'fresh', secret: 'h', details: { secretRotatedAt: daysAgo(10) } },
      { id: 'stale', secret: 'h', details: { secretRotatedAt: daysAgo(400) } },
      { id: 'unknown', secret: 'h' },
      { id: 'spa', grant_types: ['authorization_code'] },
    ]);
    const row = async (id: string) =>
      (await screen.findByRole('link', { name: id })).closest('tr') as HTMLElement;
    expect(within(await row('fresh')).getByText('secret 10 d')).not.toHaveClass('cc-secret-old');
    expect(within(await row('stale')).getByText('secret 400 d')).toHaveClass('cc-secret-old');
    expect(within(await row('unknown')).getByText('secret age ?')).toBeInTheDocument();
    expect(within(await row('spa')).queryByText(/secret/)).toBeNull();
  });

  it('searches on the server as you type and keeps the view in the URL', async () => {
    const user = userEvent.setup();
    const { server, router } = renderClients('/clients', seed);
    await screen.findByRole('link', { name: 'portal' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bill');
    await waitFor(() => expect(router.state.location.search).toBe('?q=bill'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'portal' })).toBeNull());
    const searches = server.requests.filter((r) => r.url.searchParams.has('_ilike'));
    // Debounced: one request for the whole word, not one per keystroke.
    expect(searches.map((r) => r.url.searchParams.get('_ilike'))).toEqual(['bill']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Grant type' }), 'implicit');
    await waitFor(() => expect(router.state.location.search).toBe('?q=bill&grant=implicit'));
    // Quoted: aidbox-search.md's `$contains` is an ilike on the JSON text, so this matches one element.
    const listed = server.requests.filter((r) => r.url.searchParams.has('.grant_types$contains'));
    expect(listed.at(-1)?.url.searchParams.get('.grant_types$contains')).toBe('"implicit"');
  });

  it('shows the no-match state with a clear action', async () => {
    const user = userEvent.setup();
    const { router } = renderClients('/clients?q=nothing-matches', seed);
    await user.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('link', { name: 'portal' })).toBeInTheDocument();
  });

  it('moves between rows with arrow keys and opens with Enter', async () => {
    const user = userEvent.setup();
    const { router } = renderClients('/clients', seed);
    const first = await screen.findByRole('link', { name: 'portal' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: 'billing' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/billing'));
  });

  it('activates from the row menu at once and reports it', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients', seed);
    await user.click(await screen.findByRole('button', { name: 'Actions for billing' }));
    await user.click(screen.getByRole('menuitem', { name: 'Activate' }));
    expect(await screen.findByText('billing is active.')).toBeInTheDocument();
    const patch = server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ active: true });
    expect(patch?.headers.get('if-match')).toBe('W/"2"');
    const billing = (await screen.findByRole('link', { name: 'billing' })).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(billing).getByText('Yes')).toBeInTheDocument());
  });

  it('deactivates only after a confirmation that shows the impact, then offers Undo', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients', seed);
    await user.click(await screen.findByRole('button', { name: 'Actions for portal' }));
    await user.click(screen.getByRole('menuitem', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate portal?' });
    const impact = within(dialog).getByRole('list', { name: 'Impact' });
    expect(impact).toHaveTextContent('Token requests with implicit are refused from now on.');
    expect(await within(impact).findByText(/0 active Sessions/)).toBeInTheDocument();
    expect(await within(impact).findByText('No AccessPolicy links it.')).toBeInTheDocument();
    expect(server.requests.some((r) => r.method === 'PATCH')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('portal is deactivated.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('portal is active again.')).toBeInTheDocument();
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.body)).toEqual([{ active: false }, { active: true }]);
    // Undo is guarded by the version the deactivation produced.
    expect(patches[1]?.headers.get('if-match')).not.toBe(patches[0]?.headers.get('if-match'));
  });

  it('deletes only after the id is typed', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients', seed);
    await user.click(await screen.findByRole('button', { name: 'Actions for billing' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Client billing?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete Client' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'billing');
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'billing' })).toBeNull());
    expect(server.requests.find((r) => r.method === 'DELETE')?.headers.get('if-match')).toBe('W/"2"');
  });
});
