// The token playground over the shared fake Aidbox: the flow picker follows the Client's grants, and
// a client-credentials run shows its exchange with the secret and the token masked, nowhere else.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../testing/render.tsx';
import { playgroundRoutes } from './routes.tsx';

const SECRET = 'batch-secret-0123456789-abcdefghij';

describe('Token playground', () => {
  it('offers only the flows the Client allows and runs client credentials with secrets masked', async () => {
    const user = userEvent.setup();
    const { server, router } = renderRoutes(playgroundRoutes, '/playground?client=batch', {
      seed: [{ id: 'batch', secret: SECRET, grant_types: ['client_credentials'] }],
    });
    const flows = await screen.findByRole('group', { name: 'Flow' }, { timeout: 5000 });
    const code = within(flows).getByRole('radio', { name: /Authorization code \+ PKCE/ });
    // The Client is read first; until then every flow is offered and Aidbox would decide.
    await expect.poll(() => code.hasAttribute('disabled')).toBe(true);
    expect(code.closest('label')).toHaveTextContent('not in grant_types');
    expect(within(flows).getByRole('radio', { name: /^Implicit/ })).toBeDisabled();

    await user.click(within(flows).getByRole('radio', { name: 'Client credentials' }));
    expect(router.state.location.search).toBe('?client=batch&flow=client_credentials');
    await user.click(screen.getByLabelText('Client secret (confidential Clients)'));
    await user.paste(SECRET); // pasted as an admin would; typing re-renders the page per character
    await user.click(await screen.findByRole('button', { name: 'Run' }));

    const exchange = await screen.findByRole('region', { name: 'Token request (client_credentials)' });
    expect(await within(exchange).findByText('HTTP 200')).toBeInTheDocument();
    const [sent] = server.requests.filter((r) => r.url.pathname === '/auth/token');
    expect(sent?.headers.get('authorization')).toMatch(/^Basic /);
    expect(server.tokensIssued).toBe(1);
    // Shown masked (revealed one by one on request), never in the URL or browser storage.
    const page = document.body.textContent ?? '';
    expect(page).not.toContain(SECRET);
    expect(page).not.toContain('fake-access-1');
    expect(router.state.location.search).not.toContain(SECRET);
    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage });
    expect(stored).not.toContain('fake-access-1');
    expect(stored).not.toContain(SECRET);
  }, 15_000);

  it('shows Aidbox’s refusal of a wrong secret', async () => {
    const user = userEvent.setup();
    renderRoutes(playgroundRoutes, '/playground?client=batch&flow=client_credentials', {
      seed: [{ id: 'batch', secret: SECRET, grant_types: ['client_credentials'] }],
    });
    await user.click(
      await screen.findByLabelText('Client secret (confidential Clients)', {}, { timeout: 5000 }),
    );
    await user.paste('not-the-secret');
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    const exchange = await screen.findByRole('region', { name: 'Token request (client_credentials)' });
    expect(await within(exchange).findByText('HTTP 401')).toBeInTheDocument();
    expect(exchange).toHaveTextContent('invalid_client');
  });
});
