import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PRIVATE_MEMBERS } from '../../domain/jwks-validate.ts';
import { KeySetup, type KeySetupValue } from './key-setup.tsx';
import { rsaJwk, weakRsa } from '../../testing/test-keys.ts';

type Call = [KeySetupValue, boolean];

function Harness({ calls }: { calls: Call[] }) {
  const [value, setValue] = useState<KeySetupValue>({});
  return (
    <KeySetup
      clientId="backend-1"
      value={value}
      onChange={(v, valid) => {
        calls.push([v, valid]);
        setValue(v);
      }}
    />
  );
}

/** LeaveGuard needs a data router; `/elsewhere` is somewhere to leave to. */
function renderSetup() {
  const calls: Call[] = [];
  const router = createMemoryRouter([
    { path: '/', element: <Harness calls={calls} /> },
    { path: '/elsewhere', element: <p>Elsewhere</p> },
  ]);
  render(<RouterProvider router={router} />);
  return { calls, last: () => calls[calls.length - 1], router };
}

/** Captures what the one-time view hands to the browser's download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return 'blob:test';
      },
      revokeObjectURL: () => undefined,
    }),
  );
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  onTestFinished(() => {
    click.mockRestore();
    vi.unstubAllGlobals();
  });
  return { blobs, names };
}

async function paste(text: string) {
  await userEvent.click(screen.getByRole('tab', { name: 'Paste or upload' }));
  const box = screen.getByLabelText('Public JWK or JWK Set');
  fireEvent.change(box, { target: { value: text } });
  return box;
}

describe('KeySetup', () => {
  it('generates a key: only the public key reaches onChange, the private key is offered once', async () => {
    const downloads = captureDownloads();
    const { calls, last } = renderSetup();
    expect(screen.getByRole('radio', { name: /RS384/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Generate key pair' }));
    const once = await screen.findByRole('region', { name: 'Download the private key now' });
    const [value, valid] = last() ?? [{}, false];
    // Not writable yet: the private half has not been downloaded.
    expect(valid).toBe(false);
    expect(value.jwks).toHaveLength(1);
    const key = value.jwks?.[0] ?? {};
    expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    for (const m of PRIVATE_MEMBERS) expect(JSON.stringify(calls)).not.toContain(`"${m}"`);
    expect(screen.getByRole('table', { name: 'Public keys to register' })).toHaveTextContent(String(key.kid));

    // The private key text is not in the page until revealed.
    expect(document.body.textContent).not.toContain('PRIVATE KEY');
    await userEvent.click(within(once).getByRole('button', { name: 'Show the private key (PEM)' }));
    expect(screen.getByLabelText('Private key (PEM)')).toHaveTextContent('BEGIN PRIVATE KEY');

    await userEvent.click(within(once).getByRole('button', { name: /Download private JWK/ }));
    // One file saved: someone holds the key, so the keys may be written.
    expect(last()?.[1]).toBe(true);
    expect(downloads.names).toEqual([`private-key-${String(key.kid).slice(0, 16)}.jwk.json`]);
    const privateJwk = JSON.parse(await (downloads.blobs[0] as Blob).text()) as Record<string, string>;
    expect(privateJwk).toMatchObject({ kid: key.kid, n: key.n, alg: 'RS384' });
    expect(typeof privateJwk.d).toBe('string');
    expect(JSON.stringify(calls)).not.toContain(privateJwk.d);

    await userEvent.click(within(once).getByRole('button', { name: /Download PEM/ }));
    expect(downloads.names[1]).toMatch(/\.pem$/);
    // Both files saved: the one-time view is gone and so is the key text; the keys may be written.
    expect(screen.queryByRole('region', { name: 'Download the private key now' })).toBeNull();
    expect(last()?.[1]).toBe(true);
    expect(document.body.textContent).not.toContain('PRIVATE KEY');
    expect(document.body.innerHTML).not.toContain(privateJwk.d);
    expect(screen.getByRole('button', { name: 'Generate another key pair' })).toBeEnabled();
  }, 20_000);

  it('refuses a pasted private key, names its members, clears it, and never passes it on', async () => {
    const { calls } = renderSetup();
    const priv = await rsaJwk('leaky', true);
    const box = await paste(JSON.stringify({ keys: [priv] }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Refused: the text held private key material (d, p, q, dp, dq, qi)',
    );
    expect(box).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(priv.d);
    expect(JSON.stringify(calls)).not.toContain(priv.d);
    expect(screen.getByRole('button', { name: 'Add key' })).toBeDisabled();
  });

  it('adds a pasted public key; says why a duplicate kid or a 1024-bit key is refused', async () => {
    const { last } = renderSetup();
    const good = await rsaJwk('k1');
    await paste(JSON.stringify(good));
    expect(last()?.[1]).toBe(false); // pasted but not added yet
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(last()).toEqual([{ jwks: [good] }, true]);

    await paste(JSON.stringify({ keys: [await rsaJwk('k1'), weakRsa('k2')] }));
    const problems = screen.getByRole('list');
    expect(problems).toHaveTextContent(
      'Key 1: kid "k1" is already used by a key of this Client: kids must be unique.',
    );
    expect(problems).toHaveTextContent('Key 2: The RSA key has 1024 bits: at least 2048 are required.');
    expect(screen.getByRole('button', { name: 'Add key' })).toBeDisabled();
    expect(last()?.[1]).toBe(false);
  });

  it('refuses a jwks_uri on plain http except on loopback', async () => {
    const { last } = renderSetup();
    await userEvent.click(screen.getByRole('tab', { name: 'JWKS URI' }));
    const input = screen.getByLabelText('JWK Set URL (jwks_uri)');
    fireEvent.change(input, { target: { value: 'http://example.com/jwks.json' } });
    expect(input).toHaveAccessibleDescription(/must use https/);
    expect(last()).toEqual([{ jwks_uri: 'http://example.com/jwks.json' }, false]);
    fireEvent.change(input, { target: { value: 'http://localhost:8082/.well-known/jwks.json' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(last()?.[1]).toBe(true);
  });

  it('keeps an un-downloaded private key across tab switches', async () => {
    renderSetup();
    await userEvent.click(screen.getByRole('button', { name: 'Generate key pair' }));
    await screen.findByRole('region', { name: 'Download the private key now' });
    await userEvent.click(screen.getByRole('tab', { name: 'JWKS URI' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Generate in the browser' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Download the private key now' })).toBeVisible(),
    );
  });

  it('asks before leaving with a key not downloaded; forgets it once the user says it is stored', async () => {
    const { router } = renderSetup();
    await userEvent.click(screen.getByRole('button', { name: 'Generate key pair' }));
    const once = await screen.findByRole('region', { name: 'Download the private key now' });
    // The guard registers its blocker in effects after it appears: let them run.
    await act(() => new Promise((r) => setTimeout(r, 0)));
    await act(() => router.navigate('/elsewhere'));
    const ask = await screen.findByRole('dialog', { name: 'Leave without the private key?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/');

    await userEvent.click(within(once).getByRole('button', { name: /I have stored it/ }));
    expect(screen.queryByRole('region', { name: 'Download the private key now' })).toBeNull();
    await act(() => router.navigate('/elsewhere'));
    expect(await screen.findByText('Elsewhere')).toBeInTheDocument();
  }, 20_000);

  it('reads an uploaded key file the same way as pasted text', async () => {
    const { last } = renderSetup();
    await userEvent.click(screen.getByRole('tab', { name: 'Paste or upload' }));
    const upload = screen.getByLabelText('Or upload a .json file');
    const priv = await rsaJwk('file-key', true);
    await userEvent.upload(
      upload,
      new File([JSON.stringify(priv)], 'key.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('private key material (d, p, q, dp, dq, qi)');
    expect(screen.getByLabelText('Public JWK or JWK Set')).toHaveValue('');

    const pub = await rsaJwk('file-key');
    await userEvent.upload(upload, new File([JSON.stringify(pub)], 'key.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add key' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(last()).toEqual([{ jwks: [pub] }, true]);
  }, 20_000);
});
