// The Clients journey: find a Client among many, edit it, survive a
// second writer, (de)activate it and delete it, always checked against devbox through the API.
import type { Locator, Page } from '@playwright/test';
import { fhir, readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

// The id link of each row (rows also hold a risk-summary link to the review).
const rowLinks = (page: Page) => page.locator('tbody a[data-row-link]');
const rowOf = (page: Page, id: string): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: id, exact: true }) });
const countLabel = (page: Page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('status');

async function settled(page: Page) {
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
}

test('list, search as you type, filter, sort, page and move through rows with the keyboard @alternate', async ({
  page,
  seed,
}) => {
  const prefix = uniqueId('e2e-list');
  const ids = Array.from({ length: 11 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
  for (const id of ids)
    await seed({ resourceType: 'Client', id, name: `List row ${id.slice(-2)}`, grant_types: ['basic'] });

  await signIn(page, '/clients');
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(rowOf(page, 'demo-backend')).toBeVisible();
  // Each row's risk summary links to the review; its title lists the findings.
  const risks = (id: string) => rowOf(page, id).getByRole('link', { name: /findings?, highest/ });
  await expect(risks('legacy-spa-implicit')).toHaveAttribute('title', /Implicit grant/i);
  await expect(risks('scheduling-widget')).toHaveAttribute('title', /without PKCE/i);
  await expect(risks('intranet-dashboard')).toHaveAttribute('title', /without https|http redirect/i);
  await expect(rowOf(page, 'demo-backend').getByText('None')).toBeVisible();

  // More than one page of Clients: the pager moves and the URL keeps the page.
  await expect(countLabel(page)).toHaveText(/^1–50 of \d\d+$/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(countLabel(page)).toHaveText(/^51–\d+ of \d+$/);
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(countLabel(page)).toHaveText(/^1–50 of/);

  // Search as you type; a slow answer for an older term never replaces the newer one.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await page.route(/_ilike=legacy/, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-devbox-fault': 'latency=2000' } }),
  );
  const slow = page.waitForRequest(/_ilike=legacy/);
  await search.fill('legacy');
  await slow;
  const slowDone = Promise.race([
    page.waitForEvent('requestfailed', (r) => r.url().includes('_ilike=legacy')),
    page.waitForEvent('requestfinished', (r) => r.url().includes('_ilike=legacy')),
  ]);
  await search.fill('fax');
  await expect(page).toHaveURL(/[?&]q=fax\b/);
  await expect(rowOf(page, 'fax-gateway')).toBeVisible();
  await slowDone;
  await settled(page);
  await expect(rowOf(page, 'legacy-spa-implicit')).toHaveCount(0);
  await expect(rowOf(page, 'fax-gateway')).toBeVisible();
  await page.unroute(/_ilike=legacy/);

  // Filters combine with the search and live in the URL.
  await search.fill('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await page.getByLabel('Grant type').selectOption('implicit');
  await expect(page).toHaveURL(/[?&]grant=implicit\b/);
  await expect(rowOf(page, 'legacy-spa-implicit')).toBeVisible();
  await expect(rowOf(page, 'demo-backend')).toHaveCount(0);
  for (const row of await page.locator('tbody tr').all()) await expect(row).toContainText('implicit');
  await page.getByLabel('Grant type').selectOption('');

  await page.getByLabel('Client type').selectOption('public');
  await expect(page).toHaveURL(/[?&]access=public\b/);
  await expect(rowOf(page, 'patient-portal')).toBeVisible();
  await expect(rowOf(page, 'demo-backend')).toHaveCount(0);
  await page.getByLabel('Client type').selectOption('confidential');
  await expect(rowOf(page, 'demo-backend')).toBeVisible();
  await expect(rowOf(page, 'patient-portal')).toHaveCount(0);
  await page.getByLabel('Client type').selectOption('');

  await page.getByLabel('Active').selectOption('false');
  await expect(page).toHaveURL(/[?&]active=false\b/);
  await expect(rowOf(page, 'retired-telehealth')).toBeVisible();
  await expect(rowOf(page, 'decommissioned-fax')).toBeVisible();
  await expect(rowOf(page, 'demo-backend')).toHaveCount(0);
  await page.getByLabel('Active').selectOption('');

  // Nothing matches → an empty state that clears everything.
  await search.fill('no-such-client-anywhere-zz');
  await expect(page.getByRole('heading', { name: 'No Clients match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(search).toHaveValue('');

  // Sort, on a shared link.
  await page.goto(`/clients?q=${prefix}&sort=-id`);
  await expect(countLabel(page)).toHaveText('1–11 of 11');
  await expect(page.getByLabel('Sort by')).toHaveValue('-id');
  await expect(rowLinks(page)).toHaveText([...ids].reverse());
  await page.getByLabel('Sort by').selectOption('id');
  await expect(rowLinks(page)).toHaveText(ids);

  // Keyboard: one Tab stop, arrows and Home/End move between rows, Enter opens.
  await rowLinks(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rowLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rowLinks(page).last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rowLinks(page).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients/${ids[2]}`);
  await expect(page.getByRole('heading', { name: `Client ${ids[2]}` })).toBeVisible();
});

test('edit sends only the changed paths, a second writer is merged, then deactivate, activate and delete @alternate', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-edit');
  const seeded = await seed({
    resourceType: 'Client',
    id,
    name: 'Before edit',
    grant_types: ['authorization_code', 'refresh_token'],
    auth: {
      authorization_code: {
        redirect_uri: 'https://edit.example.com/callback',
        pkce: true,
        token_format: 'jwt',
        access_token_expiration: 600,
        refresh_token: true,
        refresh_token_expiration: 28800,
      },
    },
  });
  await signIn(page, `/clients/${id}`);
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('Before edit');
  await name.fill('After edit');
  await page.getByLabel('Access token lifetime (seconds)').fill('300');
  const patchSent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/Client/${id}`));
  await page.getByRole('button', { name: 'Save changes' }).click();
  const patch = await patchSent;
  expect(patch.postDataJSON()).toEqual({
    name: 'After edit',
    auth: { authorization_code: { access_token_expiration: 300 } },
  });
  expect(patch.headers()['if-match']).toBe(`W/"${seeded.meta?.versionId}"`);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const saved = await readResource('Client', id);
  expect(saved).toMatchObject({
    name: 'After edit',
    auth: {
      authorization_code: { access_token_expiration: 300, refresh_token_expiration: 28800, pkce: true },
    },
  });

  // A colleague saves between our load and our save.
  const theirs = await fhir(
    'PATCH',
    `Client/${id}`,
    { description: 'Changed by a colleague' },
    {
      'content-type': 'application/merge-patch+json',
    },
  );
  expect(theirs.status).toBe(200);
  await name.fill('Mine after the conflict');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('region', {
    name: 'Someone else saved this Client while you were editing',
  });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('table', { name: 'Their change (now saved)' })).toContainText(
    'Changed by a colleague',
  );
  const mine = conflict.getByRole('table', { name: 'Your change (not saved yet)' });
  await expect(mine).toContainText('name');
  await expect(mine).toContainText('Mine after the conflict');
  await conflict.getByRole('button', { name: 'Re-apply my changes on the latest version' }).click();
  await expect(name).toHaveValue('Mine after the conflict');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Changed by a colleague');
  // Wait for this save's own answer: the first save's "Saved." toast may still be on screen.
  const resaved = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/Client/${id}`),
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await resaved).status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(await readResource('Client', id)).toMatchObject({
    name: 'Mine after the conflict',
    description: 'Changed by a colleague',
  });

  // Deactivate and activate from the list's row menu.
  await page.goto(`/clients?q=${id}`);
  const menu = () => rowOf(page, id).getByRole('button', { name: `Actions for ${id}` });
  await menu().click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  // Deactivation breaks token requests, so it is confirmed with its impact first.
  await page
    .getByRole('dialog', { name: `Deactivate ${id}?` })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(page.getByText(`${id} is deactivated.`)).toBeVisible();
  await expect(rowOf(page, id).getByRole('cell', { name: 'No', exact: true })).toBeVisible();
  expect((await readResource('Client', id))?.active).toBe(false);
  await menu().click();
  await page.getByRole('menuitem', { name: 'Activate' }).click();
  await expect(page.getByText(`${id} is active.`)).toBeVisible();
  expect((await readResource('Client', id))?.active).toBe(true);

  // Delete needs the id typed back.
  await rowOf(page, id).getByRole('link', { name: id, exact: true }).click();
  await page.getByRole('button', { name: 'Delete Client…' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete Client ${id}?` });
  const confirm = dialog.getByRole('button', { name: 'Delete Client' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(id.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(id);
  await confirm.click();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients`);
  expect((await fhir('GET', `Client/${id}`)).status).toBe(410);
});
