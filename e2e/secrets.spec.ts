// The secret-rotation wizard against devbox: a verified rotation that leaks nothing, weak secrets
// refused with their reason, a second writer, a vault Client, keyboard only, and lazy loading.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { clientCredentialsToken, fhir, readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const OLD = 'old-Qm7vT2xK9pL4wN8zR3yB6cF1hJ5dG0sA';

function serviceClient(id: string, secret = OLD) {
  return {
    resourceType: 'Client',
    id,
    name: `Rotation ${id.slice(-5)}`,
    secret,
    grant_types: ['client_credentials', 'basic'],
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 600 } },
    details: { owner: 'e2e' },
  };
}

const rotatePath = (id: string) => `/clients/${id}/rotate-secret`;

async function toSecretStep(page: Page) {
  await page.getByRole('button', { name: 'Continue: choose the new secret' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2: the new secret' })).toBeFocused();
}

async function confirm(page: Page, id: string) {
  await page.getByRole('button', { name: 'Continue: confirm' }).click();
  await expect(page.getByText('The old secret stops working immediately.')).toBeVisible();
  await page.getByLabel(/Type the client id/).fill(id);
  await page.getByRole('button', { name: 'Rotate the secret now' }).click();
}

test('a verified rotation with the admin’s own (canary) secret, which leaks nowhere @alternate', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-rotate');
  await seed(serviceClient(id));
  const canary = `CANARY${crypto.randomUUID().replace(/-/g, '')}Zq9`;
  const seen: { method: string; url: string; body: string }[] = [];
  const consoleText: string[] = [];
  const urls: string[] = [];
  page.on('request', (r) => seen.push({ method: r.method(), url: r.url(), body: r.postData() ?? '' }));
  page.on('console', (m) => consoleText.push(m.text()));
  page.on('framenavigated', (f) => urls.push(f.url()));

  await signIn(page, `/clients/${id}`);
  await page.getByRole('link', { name: 'Rotate secret' }).click();
  await expect(page).toHaveURL(rotatePath(id));
  await expect(page.getByText('Client credentials')).toBeVisible();
  await expect(page.getByText('HTTP Basic API access')).toBeVisible();
  await expect(page.getByText(/0 active sessions/)).toBeVisible();
  await expect(page.getByText(/Never recorded/)).toBeVisible();

  await toSecretStep(page);
  await page.getByRole('radio', { name: /Use my own/ }).check();
  await page.getByLabel('Your secret').fill(canary);
  await expect(page.getByRole('status').filter({ hasText: 'Strong enough' })).toBeVisible();
  await page.getByLabel('Current secret (optional)').fill(OLD);
  await confirm(page, id);

  await expect(page.getByRole('heading', { name: 'Step 4: verify with Aidbox' })).toBeVisible();
  await expect(page.getByText('New secret works.')).toBeVisible();
  await expect(page.getByText('Old secret is refused.')).toBeVisible();
  await page.getByRole('button', { name: /hand over the new secret/ }).click();
  await expect(page.getByLabel('New secret', { exact: true })).toHaveText(canary);
  const fingerprint = (await page.locator('.sx-fingerprint').textContent()) ?? '';
  expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByText(/Copied to the clipboard|the secret is selected above/)).toBeVisible();
  await page.getByRole('button', { name: /I have stored the secret/ }).click();
  await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();
  await expect(page.getByText(canary)).toHaveCount(0);

  // Verification left no live session behind.
  const sessions = await fhir('GET', `Session?client=${id}`);
  const live = ((sessions.json as { entry?: { resource: Record<string, unknown> }[] }).entry ?? [])
    .map((e) => e.resource)
    .filter((s) => s.active !== false);
  expect(live).toEqual([]);
  // Aidbox itself: the new secret works, the old one is refused; the rotation is recorded.
  expect((await clientCredentialsToken(id, canary)).status).toBe(200);
  expect((await clientCredentialsToken(id, OLD)).status).toBe(401);
  const stored = await readResource('Client', id);
  expect(stored?.details).toMatchObject({ owner: 'e2e', secretFingerprint: fingerprint });
  expect(Date.parse(String((stored?.details as Record<string, unknown>).secretRotatedAt))).toBeGreaterThan(
    Date.now() - 120_000,
  );

  // The canary went only into the PATCH body and the verification (Basic header, never a body).
  const withCanary = seen.filter((r) => r.url.includes(canary) || r.body.includes(canary));
  expect(withCanary.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
    `PATCH /fhir/Client/${id}`,
  ]);
  expect(seen.every((r) => r.url.startsWith(E2E.consoleUrl) || r.url.startsWith(E2E.devboxUrl))).toBe(true);
  expect(urls.some((u) => u.includes(canary))).toBe(false);
  expect(consoleText.some((t) => t.includes(canary))).toBe(false);
  const stores = await page.evaluate(async () => {
    const parts = [document.cookie, document.location.href];
    for (const s of [localStorage, sessionStorage])
      for (let i = 0; i < s.length; i++) parts.push(s.key(i) ?? '', s.getItem(s.key(i) ?? '') ?? '');
    for (const db of await indexedDB.databases()) parts.push(db.name ?? '');
    return parts.join('\n');
  });
  expect(stores.includes(canary)).toBe(false);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.value.includes(canary))).toBe(false);
});

test('weak own secrets are refused with their reason', async ({ page, seed }) => {
  const id = uniqueId('e2e-weak');
  await seed(serviceClient(id));
  await signIn(page, rotatePath(id));
  await toSecretStep(page);
  await page.getByRole('radio', { name: /Use my own/ }).check();
  const field = page.getByLabel('Your secret');
  const next = page.getByRole('button', { name: 'Continue: confirm' });
  const findings = page.getByRole('list', { name: 'What the check found' });

  await field.fill('verysecret');
  await expect(page.getByRole('status').filter({ hasText: 'Refused' })).toBeVisible();
  await expect(findings).toContainText('Too short');
  await expect(findings).toContainText('common password');
  await expect(next).toBeDisabled();

  await field.fill('Password1!'.repeat(4));
  await expect(findings).toContainText('repeated common password');
  await expect(next).toBeDisabled();

  await field.fill('dc6623fd-8532-4f27-8e93-860dd245ac2c');
  await expect(findings).toContainText('UUIDs contain at most 122 random bits.');

  await field.fill(` ${'x'.repeat(40)}`);
  await expect(findings).toContainText('paste error');
  await expect(next).toBeDisabled();
  // Nothing was written: the old secret still works.
  expect((await clientCredentialsToken(id, OLD)).status).toBe(200);
});

test('a second writer between opening and applying aborts the rotation; the old secret still works', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-race');
  await seed(serviceClient(id));
  await signIn(page, rotatePath(id));
  await toSecretStep(page);
  const patched = await fhir(
    'PATCH',
    `Client/${id}`,
    { description: 'changed by someone else' },
    {
      'content-type': 'application/merge-patch+json',
    },
  );
  expect(patched.status).toBe(200);
  await confirm(page, id);
  await expect(
    page.getByRole('heading', {
      name: /Not rotated: someone changed this Client since you opened the wizard/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('the old secret still works');
  await expect(page.locator('.sx-secret')).toHaveCount(0);
  expect((await clientCredentialsToken(id, OLD)).status).toBe(200);
  const stored = await readResource('Client', id);
  expect((stored?.details as Record<string, unknown>).secretRotatedAt).toBeUndefined();

  // Starting over reviews the new version and can then rotate.
  await page.getByRole('button', { name: 'Reload the Client and start over' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1: what depends on this secret' })).toBeVisible();
});

test('vault-referenced and public Clients are explained, not rotated', async ({ page, seed }) => {
  const vault = uniqueId('e2e-vault');
  await seed({
    resourceType: 'Client',
    id: vault,
    grant_types: ['client_credentials'],
    _secret: {
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
        { url: 'http://health-samurai.io/fhir/secret-reference', valueString: 'client-secret' },
      ],
    },
  });
  await signIn(page, rotatePath(vault));
  await expect(page.getByRole('heading', { name: 'This secret cannot be rotated here' })).toBeVisible();
  await expect(page.getByText(/Rotate it in the vault/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Continue/ })).toHaveCount(0);

  await page.goto(rotatePath(E2E.consoleClientId));
  await expect(page.getByRole('heading', { name: 'This Client needs no secret' })).toBeVisible();
});

/** Presses Tab until `target` has focus: the test never clicks. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

test('the whole wizard by keyboard only, reached from the list row menu', async ({ page, seed, axe }) => {
  const id = uniqueId('e2e-keys');
  await seed(serviceClient(id));
  // A caller already holds a token: the wizard counts it and can revoke it at the end.
  expect((await clientCredentialsToken(id, OLD)).status).toBe(200);
  await signIn(page, `/clients?q=${id}`);
  await tabTo(page, page.getByRole('button', { name: `Actions for ${id}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  for (let i = 0; i < 6; i++) {
    if (
      await page
        .getByRole('menuitem', { name: 'Rotate secret' })
        .evaluate((el) => el === document.activeElement)
    )
      break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(rotatePath(id));
  await expect(page.getByRole('heading', { name: 'Step 1: what depends on this secret' })).toBeVisible();
  await expect(page.getByText(/^1 active session\b/)).toBeVisible();
  await axe(page);

  await tabTo(page, page.getByRole('button', { name: 'Continue: choose the new secret' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: /Generate/ })).toBeChecked();
  await axe(page);
  await tabTo(page, page.getByRole('button', { name: 'Continue: confirm' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel(/Type the client id/));
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
  await expect(page.getByText('New secret works.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: /hand over the new secret/ }));
  await page.keyboard.press('Enter');
  const secret = (await page.getByLabel('New secret', { exact: true }).textContent()) ?? '';
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await axe(page);
  await tabTo(page, page.getByRole('button', { name: 'Revoke existing sessions' }));
  await page.keyboard.press('Enter');
  // The revocation confirms with who loses access; it opens on Cancel.
  const revoke = page.getByRole('dialog', { name: `Revoke 1 Session of ${id}?` });
  await expect(revoke).toContainText("1 Session is the application's own (no user)");
  await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(revoke.getByRole('button', { name: 'Revoke 1 Session' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Done: 1 of 1 revoked.')).toBeVisible();
  const left = await fhir('GET', `Session?client=${id}`);
  const active = ((left.json as { entry?: { resource: { active?: boolean } }[] }).entry ?? []).filter(
    (e) => e.resource.active !== false,
  );
  expect(active).toEqual([]);
  await tabTo(page, page.getByRole('button', { name: /I have stored the secret/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();
  expect((await clientCredentialsToken(id, secret)).status).toBe(200);
});

test('zxcvbn and the wizard load lazily: only from a dynamic chunk reached from the wizard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A separate build with a manifest, so the served dist/ is left alone.
  const out = '/tmp/e2e-secrets-manifest';
  execFileSync('npx', [
    'vite',
    'build',
    '--manifest',
    '--outDir',
    out,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ]);
  type Chunk = {
    file: string;
    isEntry?: boolean;
    imports?: string[];
    dynamicImports?: string[];
    src?: string;
  };
  const manifest = JSON.parse(readFileSync(`${out}/.vite/manifest.json`, 'utf8')) as Record<string, Chunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  expect(entry).toBeDefined();
  // Everything the first load pulls in: the entry and its static imports, transitively.
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  visit(entry![0]);
  for (const key of initial) {
    expect(key).not.toMatch(/zxcvbn|features\/secrets/);
    expect(readFileSync(`${out}/${manifest[key]!.file}`, 'utf8')).not.toContain('diceware');
  }
  const zxcvbnKeys = Object.keys(manifest).filter((k) => k.includes('@zxcvbn-ts'));
  expect(zxcvbnKeys.length).toBeGreaterThan(0);
  const loader = Object.entries(manifest).find(([k]) => k.includes('features/secrets/'))?.[0];
  expect(loader).toBeDefined();

  // And in the browser: sign-in plus the Clients list fetch no zxcvbn; typing an own secret does.
  const scripts: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
  });
  await signIn(page, '/clients');
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  expect(scripts.some((s) => s.includes('diceware'))).toBe(false);
  await page.goto(rotatePath('demo-backend'));
  await toSecretStep(page);
  expect(scripts.some((s) => s.includes('diceware'))).toBe(false);
  await page.getByRole('radio', { name: /Use my own/ }).check();
  await page.getByLabel('Your secret').fill('verysecret');
  await expect(page.getByRole('status').filter({ hasText: 'Refused' })).toBeVisible();
  await expect.poll(() => scripts.some((s) => s.includes('diceware'))).toBe(true);
});
