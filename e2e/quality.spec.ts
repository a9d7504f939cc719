// Accessibility on every screen in both themes, hostile data rendered as text, and devbox faults
// (errors, slowness) shown clearly. CSP violations and stored tokens fail any test (fixtures.ts).
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fhir, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

// E2E_SCREENSHOTS=<dir> saves a screenshot of every screen; the README's list image comes from here.
const shots = process.env.E2E_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

/**
 * One state of a screen in both themes: axe in full in light, then axe's contrast rule in dark
 * (structure does not change with the theme, colours do). The theme follows the system setting
 * live (app/theme.ts), so the state is checked twice without walking to it twice.
 */
async function screen(page: Page, axe: (page: Page, rules?: string[]) => Promise<void>, name: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await axe(page, theme === 'dark' ? ['color-contrast'] : undefined);
    if (shots)
      await page.screenshot({ path: `${shots}/${name}-${theme}.png`, fullPage: name !== 'clients-list' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function setTheme(page: Page, theme: 'light' | 'dark' | 'system') {
  const toggle = page.getByRole('button', { name: /^Theme: / });
  for (let i = 0; i < 3 && (await toggle.textContent()) !== `Theme: ${theme}`; i++) await toggle.click();
  await expect(toggle).toHaveText(`Theme: ${theme}`);
}

test('every screen passes axe in light and dark', async ({ page, seed, axe }) => {
  test.setTimeout(120_000);
  const id = uniqueId('e2e-axe');
  await seed({
    resourceType: 'Client',
    id,
    name: 'Accessibility sample',
    secret: 'e2e-axe-secret-0123456789abcdefghijkl',
    grant_types: ['authorization_code', 'client_credentials'],
    auth: {
      authorization_code: { redirect_uri: 'https://axe.example.com/cb', pkce: true, secret_required: true },
      client_credentials: { token_format: 'jwt', access_token_expiration: 600 },
    },
  });

  await signIn(page, '/clients');
  // The theme toggle overrides the system setting; 'system' lets each state be checked in both.
  await setTheme(page, 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await setTheme(page, 'system');
  await expect(page.getByRole('link', { name: 'demo-backend', exact: true })).toBeVisible();
  // The list, the kind picker and the form are in responsive.spec's walk (both widths, both themes);
  // here come the states that walk does not reach, and the screenshots when asked.
  if (shots) await screen(page, axe, 'clients-list');
  if (shots) {
    // The README image: demo data with risk badges in view (Z–A puts the risky Clients on top).
    await page.goto('/clients?sort=-id');
    await expect(page.getByRole('link', { name: 'scheduling-widget', exact: true })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await page.screenshot({ path: `${shots}/readme-clients-list.png` });
  }

  await page.getByRole('link', { name: 'New Client' }).click();
  await expect(page.getByRole('heading', { name: 'New Client' })).toBeVisible();
  if (shots) await screen(page, axe, 'create-kind-picker');
  await page.getByRole('link', { name: /^Single-page app/ }).click();
  await page.getByLabel('Client id').fill(`${id}-never-created`);
  await page.getByLabel('Redirect URI').fill('http://spa.example.com/cb');
  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page.getByLabel('Redirect URI')).toHaveAttribute('aria-invalid', 'true');
  await screen(page, axe, 'create-form-errors');

  await page.goto(`/clients/${id}`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(/Accessibility sample/);
  if (shots) await screen(page, axe, 'editor-form');
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByLabel('Client JSON')).toBeVisible();
  await screen(page, axe, 'editor-json');
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('button', { name: 'Delete Client…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await screen(page, axe, 'delete-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The conflict view: someone else saves while we edit.
  await fhir(
    'PATCH',
    `Client/${id}`,
    { description: 'Colleague' },
    {
      'content-type': 'application/merge-patch+json',
    },
  );
  await page.getByLabel('Name', { exact: true }).fill('Accessibility sample, edited');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: /Someone else saved this Client/ })).toBeVisible();
  await screen(page, axe, 'conflict');
  await page.getByRole('button', { name: 'Discard my changes' }).click();

  await page.goto('/callback?code=x&state=y');
  await expect(page.getByRole('heading', { name: 'This sign-in link is no longer valid' })).toBeVisible();
  await screen(page, axe, 'callback-invalid');
  await page.goto('/signed-out');
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await screen(page, axe, 'signed-out');
});

test('hostile names and redirect URIs render as inert text in the list, the form and the JSON', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-xss');
  const name = '<img src=x onerror=alert(1)>';
  await seed({
    resourceType: 'Client',
    id,
    name,
    grant_types: ['implicit'],
    auth: { implicit: { redirect_uri: 'javascript:alert(document.domain)' } },
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await signIn(page, `/clients?q=${id}`);
  const row = page.getByRole('row').filter({ hasText: id });
  await expect(row.getByRole('cell', { name, exact: true })).toBeVisible();
  // The Risks summary names the implicit grant among the findings (title lists them).
  await expect(row.getByRole('link', { name: /findings?, highest/ })).toHaveAttribute(
    'title',
    /Implicit grant/i,
  );
  await expect(page.locator('main img')).toHaveCount(0);

  await row.getByRole('link', { name: id, exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(
    page.getByRole('group', { name: /Implicit grant settings/ }).getByLabel('Redirect URI'),
  ).toHaveValue('javascript:alert(document.domain)');
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByLabel('Client JSON')).toHaveValue(/javascript:alert\(document\.domain\)/);
  await expect(page.locator('a[href^="javascript"], main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('devbox faults: a failing list says so with Retry and recovers; slow answers show loading states', async ({
  page,
}) => {
  // devbox produces the faults itself; the route only adds its test header to the console's calls.
  let fault = 'status=503';
  let attempts = 0;
  await page.route(
    (url) => url.toString().startsWith(`${E2E.devboxUrl}/fhir/Client`),
    (route) => {
      attempts++;
      return route.continue({ headers: { ...route.request().headers(), 'x-devbox-fault': fault } });
    },
  );
  await signIn(page, '/clients');
  const alert = page.getByRole('alert').filter({ hasText: 'The Clients could not be loaded' });
  await expect(alert).toBeVisible();
  expect(attempts, 'a GET is retried with backoff, at most 3 attempts').toBe(3);
  await expect(page.getByRole('link', { name: 'demo-backend', exact: true })).toHaveCount(0);

  fault = 'latency=1200';
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('link', { name: 'demo-backend', exact: true })).toBeVisible();
  await expect(alert).toHaveCount(0);

  // A slow first load shows the skeleton, then rows; a slow editor shows its own loading state.
  await page.goto('/clients?q=demo');
  await expect(page.getByRole('table', { name: 'Loading Clients' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'demo-backend', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'demo-backend', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
});
