import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, type RenderOptions } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';

const renderClients = (path: string, seed: RenderOptions['seed'] = []) =>
  renderRoutes(clientRoutes, path, { seed });

describe('Create a Client by application type', () => {
  it('offers the five OAuth kinds and the four SMART kinds, each group under its heading', async () => {
    renderClients('/clients/new');
    const groups = {
      Applications: [
        'Backend service or integration engine',
        'Single-page app',
        'Web app with a server',
        'Mobile or desktop app',
        'Another FHIR server',
      ],
      'SMART on FHIR': [
        'SMART backend service',
        'SMART app with EHR launch',
        'SMART standalone patient app',
        'Confidential asymmetric SMART app',
      ],
    };
    for (const [title, labels] of Object.entries(groups)) {
      const group = await screen.findByRole('region', { name: title });
      const links = within(group).getAllByRole('link');
      expect(links.map((l) => within(l).getByRole('heading').textContent)).toEqual(labels);
    }
  });

  it('POSTs the single-page app secure defaults without a secret', async () => {
    const user = userEvent.setup();
    const { server, router } = renderClients('/clients/new?kind=spa');
    await user.type(await screen.findByLabelText('Client id'), 'web-portal');
    await user.type(screen.getByLabelText('Redirect URI'), 'https://portal.example.com/callback');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/web-portal'));
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe('/fhir/Client');
    expect(post?.body).toEqual({
      resourceType: 'Client',
      id: 'web-portal',
      active: true,
      grant_types: ['authorization_code', 'refresh_token'],
      auth: {
        authorization_code: {
          redirect_uri: 'https://portal.example.com/callback',
          pkce: true,
          secret_required: false,
          token_format: 'jwt',
          access_token_expiration: 600,
          refresh_token: true,
          refresh_token_expiration: 28_800,
        },
      },
    });
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('refuses an insecure redirect URI before sending anything', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/new?kind=spa');
    await user.type(await screen.findByLabelText('Client id'), 'spa');
    await user.type(screen.getByLabelText('Redirect URI'), 'http://app.example.com/cb#x');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    const field = screen.getByLabelText('Redirect URI');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/must not contain a fragment.*https is required/s);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a backend service secret once, outside every cache', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { server, router, queryClient } = renderClients('/clients/new?kind=backend');
    await user.type(await screen.findByLabelText('Client id'), 'billing-job');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    expect(await screen.findByRole('heading', { name: /billing-job was created/ })).toBeInTheDocument();
    const sent = server.requests.find((r) => r.method === 'POST')?.body as {
      secret: string;
      grant_types: string[];
      details: { secretRotatedAt: string; secretFingerprint: string };
    };
    expect(sent.grant_types).toEqual(['client_credentials']);
    expect(sent.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The hand-off: client id and secret, each with a Copy button, and the recorded fingerprint.
    expect(sent.details.secretFingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(Date.now() - Date.parse(sent.details.secretRotatedAt)).toBeLessThan(60_000);
    expect(screen.getByText(sent.details.secretFingerprint)).toBeInTheDocument();
    expect(screen.getByLabelText('Client id', { selector: 'code' })).toHaveTextContent('billing-job');
    await user.click(screen.getByRole('button', { name: 'Copy client id' }));
    expect(writeText).toHaveBeenCalledWith('billing-job');
    expect(await screen.findByLabelText('Client secret')).toHaveTextContent(sent.secret);
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(writeText).toHaveBeenCalledWith(sent.secret);
    // Both the id's and the secret's copy confirmations now show.
    await waitFor(() => expect(screen.getAllByText('Copied to the clipboard.')).toHaveLength(2));
    const cached = JSON.stringify(
      [...queryClient.getQueryCache().getAll(), ...queryClient.getMutationCache().getAll()].map(
        (q) => q.state,
      ),
    );
    expect(cached).not.toContain(sent.secret);
    expect(router.state.location.pathname + router.state.location.search).not.toContain(sent.secret);
    expect(JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })).not.toContain(
      sent.secret,
    );
    await user.click(screen.getByRole('button', { name: /I have stored the secret/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/billing-job'));
    expect(document.body.textContent).not.toContain(sent.secret);
  });

  it('tells the user when the clipboard is refused and selects the secret', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    renderClients('/clients/new?kind=fhir-server');
    await user.type(await screen.findByLabelText('Client id'), 'ehr');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    await user.click(await screen.findByRole('button', { name: 'Copy secret' }));
    expect(await screen.findByText(/the secret is selected/)).toBeInTheDocument();
  });

  it('reports a duplicate id and leaves the existing Client untouched', async () => {
    const user = userEvent.setup();
    const { server } = renderClients('/clients/new?kind=backend', [
      { id: 'taken', name: 'Original', secret: 'h' },
    ]);
    await user.type(await screen.findByLabelText('Client id'), 'taken');
    await user.click(screen.getByRole('button', { name: 'Create Client' }));
    expect(await screen.findByText("Client 'taken' already exists. Choose another id.")).toBeInTheDocument();
    expect(server.clients.get('taken')).toMatchObject({ name: 'Original', secret: 'h' });
    expect(server.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST']);
  });
});
