// The rotation wizard over the shared fake Aidbox, step by step: impact, a generated secret,
// typed confirmation, an If-Match PATCH, verification at the token endpoint (the new secret works,
// the old one is refused), the one-time hand-off. The plaintext never enters the query client.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../testing/render.tsx';
import { secretRoutes } from './routes.tsx';

const OLD = 'old-secret-0123456789-abcdefghij';

const heading = (name: string | RegExp) =>
  screen.findByRole('heading', { level: 2, name }, { timeout: 5000 });

describe('Secret rotation', () => {
  it('rotates through every step and keeps the new secret out of the query client', async () => {
    const user = userEvent.setup();
    const { server, queryClient } = renderRoutes(secretRoutes, '/clients/batch/rotate-secret', {
      seed: [{ id: 'batch', secret: OLD, grant_types: ['client_credentials'] }],
    });

    await heading('Step 1: what depends on this secret');
    expect(screen.getByText(/client_credentials/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue: choose the new secret' }));

    await heading('Step 2: the new secret');
    expect(screen.getByRole('radio', { name: /Generate \(recommended\)/ })).toBeChecked();
    await user.type(screen.getByLabelText('Current secret (optional)'), OLD);
    await user.click(screen.getByRole('button', { name: 'Continue: confirm' }));

    await heading('Step 3: confirm the rotation');
    const rotate = screen.getByRole('button', { name: 'Rotate the secret now' });
    expect(rotate).toBeDisabled();
    await user.type(screen.getByLabelText(/Type the client id/), 'batch');
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    await user.click(rotate);

    await heading('Step 4: verify with Aidbox');
    const [patch] = server.requests.filter((r) => r.method === 'PATCH');
    expect(patch?.headers.get('if-match')).toBe('W/"1"');
    const secret = (patch?.body as { secret: string }).secret;
    expect(secret).toMatch(/^[\w-]{43}$/); // 256 bits, base64url
    expect(patch?.body).toMatchObject({ details: { secretFingerprint: expect.any(String) as string } });
    expect(await screen.findByText('New secret works.')).toBeInTheDocument();
    expect(await screen.findByText('Old secret is refused.')).toBeInTheDocument();
    // The check's token was revoked at once.
    expect(
      server.requests.filter((r) => r.method === 'DELETE' && r.url.pathname === '/Session'),
    ).toHaveLength(1);

    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryKey, q.state.data]),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(cached).not.toContain(secret);

    await user.click(screen.getByRole('button', { name: 'Continue: hand over the new secret' }));
    await heading('Step 5: hand over the new secret');
    await user.click(screen.getByRole('button', { name: 'I have stored the secret — finish' }));
    await heading('Rotation complete');
    expect(document.body.textContent).not.toContain(secret);
    expect(within(document.body).getByLabelText('Secret hidden')).toBeInTheDocument();
  }, 20_000); // five steps, the first loading the wizard's chunk

  it('on a concurrent change rotates nothing, keeps the old secret working and starts over', async () => {
    const user = userEvent.setup();
    const { server } = renderRoutes(secretRoutes, '/clients/batch/rotate-secret', {
      seed: [{ id: 'batch', secret: OLD, grant_types: ['client_credentials'] }],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Continue: choose the new secret' }, { timeout: 5000 }),
    );
    await user.click(screen.getByRole('button', { name: 'Continue: confirm' }));
    await user.type(await screen.findByLabelText(/Type the client id/), 'batch');
    server.failNextPatch = { status: 412, concurrent: (c) => ({ ...c, name: 'Renamed by a colleague' }) };
    await user.click(screen.getByRole('button', { name: 'Rotate the secret now' }));

    await heading('Not rotated: someone changed this Client since you opened the wizard');
    expect(screen.getByRole('alert')).toHaveTextContent('the old secret still works');
    expect(server.secrets.get('batch')).toBe(OLD);
    const theirs = (server.clients.get('batch')?.meta as { versionId: string }).versionId;
    await user.click(screen.getByRole('button', { name: 'Reload the Client and start over' }));
    await heading('Step 1: what depends on this secret');
    // Started over on the version the colleague wrote: the next PATCH is guarded by it.
    await user.click(screen.getByRole('button', { name: 'Continue: choose the new secret' }));
    await user.click(screen.getByRole('button', { name: 'Continue: confirm' }));
    await user.type(await screen.findByLabelText(/Type the client id/), 'batch');
    await user.click(screen.getByRole('button', { name: 'Rotate the secret now' }));
    await heading('Step 4: verify with Aidbox');
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.headers.get('if-match'))).toEqual(['W/"1"', `W/"${theirs}"`]);
  }, 20_000);

  it('explains that a public Client has nothing to rotate', async () => {
    renderRoutes(secretRoutes, '/clients/spa/rotate-secret', {
      seed: [
        { id: 'spa', grant_types: ['authorization_code'], auth: { authorization_code: { pkce: true } } },
      ],
    });
    await heading('This Client needs no secret');
    expect(screen.queryByRole('button', { name: /Continue/ })).toBeNull();
  });
});
