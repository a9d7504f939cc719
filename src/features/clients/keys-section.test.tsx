import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { JsonObject } from '../../model/json.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { clientRoutes } from './routes.tsx';
import { rsaJwk as rsa, weakRsa } from '../../testing/test-keys.ts';

const ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const backend = (jwks: Record<string, string>[]): JsonObject => ({
  id: 'backend',
  grant_types: ['client_credentials'],
  auth: { client_credentials: { token_format: 'jwt', client_assertion_types: [ASSERTION] } },
  scope: ['system/Patient.rs'],
  jwks,
});

function openEditor(client: JsonObject, path = '/clients/backend') {
  const { server } = renderRoutes(clientRoutes, path, { seed: [client] });
  const patches = () => server.requests.filter((r) => r.method === 'PATCH');
  return { server, patches };
}

async function keysTable() {
  return screen.findByRole('table', { name: 'Stored public keys (jwks)' }, { timeout: 10_000 });
}

describe('the Client editor’s Keys section', () => {
  it('shows each stored key with its problems: weak RSA, duplicate kid, stored private members', async () => {
    const good = await rsa('good');
    openEditor(backend([good, weakRsa('weak'), { ...good, d: 'c2VjcmV0' }]));
    const table = await keysTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/good.*RSA \/ RS384.*2048-bit.*sig.*None/);
    expect(rows[1]).toHaveTextContent('The RSA key has 1024 bits: at least 2048 are required.');
    expect(rows[2]).toHaveTextContent('Private key material is stored with this key (d)');
    expect(rows[2]).toHaveTextContent('kid "good" is already used by key 1: kids must be unique.');
    // A stored private member is named, never shown.
    expect(table).not.toHaveTextContent('c2VjcmV0');
    expect(screen.getByRole('link', { name: 'rotate keys' })).toHaveAttribute(
      'href',
      '/clients/backend/rotate-keys',
    );
  }, 20_000);

  it('adds a pasted public key and saves it with If-Match; a pasted private key is refused', async () => {
    const user = userEvent.setup();
    const old = await rsa('old');
    const { patches, server } = openEditor(backend([old]));
    await keysTable();
    await user.click(screen.getByRole('tab', { name: 'Paste or upload' }));
    const box = screen.getByLabelText('Public JWK or JWK Set');

    const leaked = await rsa('leaked', true);
    fireEvent.change(box, { target: { value: JSON.stringify(leaked) } });
    expect(screen.getByRole('alert')).toHaveTextContent('private key material (d, p, q, dp, dq, qi)');
    expect(box).toHaveValue('');

    const added = await rsa('new');
    fireEvent.change(box, { target: { value: JSON.stringify({ keys: [added] }) } });
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    expect(within(await keysTable()).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const [patch] = patches();
    expect(patch?.body).toEqual({ jwks: [old, added] });
    expect(patch?.headers.get('if-match')).toBe('W/"1"');
    expect(JSON.stringify(server.requests.map((r) => r.body))).not.toContain(leaked.d);
  }, 20_000);

  it('removes a key only after a confirmation that warns about the last key of a keyed Client', async () => {
    const user = userEvent.setup();
    const { patches } = openEditor(backend([await rsa('only')]));
    await user.click(within(await keysTable()).getByRole('button', { name: 'Remove key only' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove key only?' });
    expect(dialog).toHaveTextContent(/This is the Client.s last key/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(await keysTable()).getAllByRole('row')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove key only' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove key only?' })).getByRole('button', {
        name: 'Remove key',
      }),
    );
    expect(screen.getByText('No keys yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches()[0]?.body).toEqual({ jwks: null });
  }, 20_000);

  it('is where a review link to ?field=jwks lands', async () => {
    // jsdom does not lay out, so it has no scrollIntoView.
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    onTestFinished(() => {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    });
    openEditor(backend([weakRsa('weak')]), '/clients/backend?field=jwks.0');
    await keysTable();
    await waitFor(() => expect(screen.getByRole('group', { name: 'Keys' })).toHaveFocus());
    expect(scroll).toHaveBeenCalled();
  }, 20_000);

  it('adds a generated key once its private key is downloaded, and saves only the public key', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    const old = await rsa('old');
    const { patches } = openEditor(backend([old]));
    await keysTable();
    await user.click(screen.getByRole('button', { name: 'Generate key pair' }));
    await screen.findByRole('region', { name: 'Download the private key now' });
    expect(screen.getByText(/added to the Client once you have downloaded/)).toBeInTheDocument();
    expect(within(await keysTable()).getAllByRole('row')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: /Download private JWK/ }));
    expect(within(await keysTable()).getAllByRole('row')).toHaveLength(3);
    const privateJwk = JSON.parse(await (blobs[0] as Blob).text()) as Record<string, string>;
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const body = patches()[0]?.body as { jwks: Record<string, string>[] };
    expect(body.jwks.map((k) => k.kid)).toEqual(['old', privateJwk.kid]);
    expect(body.jwks[1]).toEqual({
      kty: 'RSA',
      kid: privateJwk.kid,
      alg: 'RS384',
      use: 'sig',
      n: privateJwk.n,
      e: privateJwk.e,
    });
  }, 20_000);
});
