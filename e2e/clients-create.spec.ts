// Creating a Client by kind of application: secure defaults per kind, the one-time secret works
// against devbox, and an id that exists is refused without touching the existing Client.
import { clientCredentialsToken, readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

interface KindCase {
  card: string;
  suffix: string;
  redirect?: string;
  confidential: boolean;
  check: (c: Record<string, unknown>) => void;
}

const at = (c: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);

const KINDS: KindCase[] = [
  {
    card: 'Backend service',
    suffix: 'backend',
    confidential: true,
    check: (c) => {
      expect(c.grant_types).toEqual(['client_credentials']);
      expect(at(c, 'auth.client_credentials')).toMatchObject({
        token_format: 'jwt',
        access_token_expiration: 900,
      });
    },
  },
  {
    card: 'Single-page app',
    suffix: 'spa',
    redirect: 'https://spa.example.com/callback',
    confidential: false,
    check: (c) => {
      expect(c.grant_types).toEqual(['authorization_code', 'refresh_token']);
      expect(c.secret).toBeUndefined();
      expect(at(c, 'auth.authorization_code')).toMatchObject({
        redirect_uri: 'https://spa.example.com/callback',
        pkce: true,
        secret_required: false,
        access_token_expiration: 600,
        refresh_token: true,
        refresh_token_expiration: 28800,
      });
    },
  },
  {
    card: 'Web app with a server',
    suffix: 'web',
    redirect: 'https://web.example.com/callback',
    confidential: true,
    check: (c) => {
      expect(at(c, 'auth.authorization_code')).toMatchObject({ pkce: true, secret_required: true });
      expect(at(c, 'auth.authorization_code.refresh_token_expiration')).toBe(28800);
    },
  },
  {
    card: 'Mobile or desktop app',
    suffix: 'mobile',
    redirect: 'com.example.app:/callback',
    confidential: false,
    check: (c) => {
      expect(c.secret).toBeUndefined();
      expect(at(c, 'auth.authorization_code')).toMatchObject({
        redirect_uri: 'com.example.app:/callback',
        pkce: true,
        refresh_token_expiration: 30 * 24 * 3600,
      });
    },
  },
  {
    card: 'Another FHIR server',
    suffix: 'fhir',
    confidential: true,
    check: (c) => {
      expect(c.grant_types).toEqual(['client_credentials']);
      expect(c.type).toBe('fhir-server');
    },
  },
];

test('create one Client of each kind with secure defaults; a confidential secret is shown once and works @alternate', async ({
  page,
  cleanup,
}) => {
  const run = uniqueId('e2e-new');
  await signIn(page, '/clients');
  for (const kind of KINDS) {
    const id = `${run}-${kind.suffix}`;
    cleanup('Client', id);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'New Client' }).click();
    await page.getByRole('link', { name: new RegExp(`^${kind.card}`) }).click();
    await page.getByLabel('Client id').fill(id);
    await page.getByLabel('Name', { exact: true }).fill(`E2E ${kind.card}`);
    if (kind.redirect) await page.getByLabel('Redirect URI').fill(kind.redirect);
    await page.getByRole('button', { name: 'Create Client' }).click();

    let secret = '';
    if (kind.confidential) {
      const shown = page.getByRole('region', { name: new RegExp(`Client ${id} was created`) });
      await expect(shown).toBeVisible();
      secret = (await shown.getByLabel('Client secret').textContent()) ?? '';
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The hand-off names the client id beside the secret, and the fingerprint the Client records.
      await expect(shown.getByLabel('Client id')).toHaveText(id);
      await expect(shown.getByRole('button', { name: 'Copy client id' })).toBeVisible();
      const fingerprint = (await shown.locator('.cc-fingerprint').textContent()) ?? '';
      expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
      expect((await readResource('Client', id))?.details).toMatchObject({ secretFingerprint: fingerprint });
      await shown.getByRole('button', { name: /I have stored the secret/ }).click();
    }
    await expect(page).toHaveURL(`${E2E.consoleUrl}/clients/${id}`);
    await expect(page.getByRole('heading', { name: `Client ${id}` })).toBeVisible();
    // Shown once: the editor never shows it again.
    if (secret) await expect(page.getByText(secret)).toHaveCount(0);

    const stored = await readResource('Client', id);
    expect(stored, `${kind.card} stored`).toBeDefined();
    expect(stored!.active).toBe(true);
    expect(stored!.name).toBe(`E2E ${kind.card}`);
    kind.check(stored!);
    if (!secret) continue;
    expect(JSON.stringify(stored)).not.toContain(secret);
    if ((stored!.grant_types as string[]).includes('client_credentials')) {
      const token = await clientCredentialsToken(id, secret);
      expect(token.status, `${kind.card}: token with the shown secret`).toBe(200);
      expect(token.json.access_token).toEqual(expect.any(String));
    } else {
      // No client_credentials grant: the secret must still authenticate the client at the token
      // endpoint (a bogus code is then the only problem, not the client).
      const exchange = async (s: string) =>
        (await fetch(`${E2E.devboxUrl}/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: 'bogus',
            client_id: id,
            client_secret: s,
            redirect_uri: kind.redirect ?? '',
            code_verifier: 'x'.repeat(43),
          }),
        }).then((r) => r.json())) as { error?: string };
      expect((await exchange(secret)).error).toBe('invalid_grant');
      expect((await exchange(`${secret}x`)).error).toBe('invalid_client');
    }
  }

  // An id that exists: a clear message, and the existing Client is untouched.
  const existingId = `${run}-backend`;
  const before = await readResource('Client', existingId);
  await page.goto('/clients/new?kind=backend');
  await page.getByLabel('Client id').fill(existingId);
  await page.getByLabel('Name', { exact: true }).fill('Overwrite attempt');
  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page.getByText(`Client '${existingId}' already exists`)).toBeVisible();
  await expect(page.getByLabel('Client id')).toBeFocused();
  expect(await readResource('Client', existingId)).toEqual(before);
});
