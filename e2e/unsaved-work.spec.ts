// No action loses work silently (issue 14 §2): leaving a dirty Client form, staged matrix changes or
// a one-time secret that was never copied asks first in the console's own dialog; closing the tab
// asks through the browser's beforeunload prompt; nothing asks when nothing would be lost.
import type { Page } from '@playwright/test';
import { uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

test.use({ actionTimeout: 15_000 });

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Closing the tab runs beforeunload; the test dismisses the prompt, so the page stays open. */
async function expectUnloadPrompt(page: Page) {
  const prompt = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
}

test('a dirty Client editor asks before leaving; a clean one does not', async ({ page, seed }) => {
  const id = uniqueId('guard');
  await seed({ resourceType: 'Client', id, name: 'Guarded', grant_types: ['client_credentials'] });
  await signIn(page, `/clients/${id}`);
  const description = page.getByRole('textbox', { name: 'Description', exact: true });
  await expect(description).toBeVisible();

  // Nothing changed: leaving is silent.
  await mainNav(page).getByRole('link', { name: 'Policies' }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.goBack();

  await description.fill('Edited but not saved');
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/clients/${id}$`));
  await expect(description).toHaveValue('Edited but not saved');

  // Saving makes the form clean again: then the way out is open.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await description.fill('Second edit');
  await page.getByRole('link', { name: 'Back to Clients' }).click();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page).toHaveURL(/\/clients$/);

  // Back to the Client through the list (not history.back, whose timing raced the lazy editor in CI).
  await page.getByRole('searchbox').fill(id);
  await page.getByRole('link', { name: id, exact: true }).click();
  await expect(description).toHaveValue('Edited but not saved');
  await description.fill('Third edit');
  await expectUnloadPrompt(page);
});

test('text typed in the raw JSON tab counts as unsaved work until it is saved', async ({ page, seed }) => {
  const id = uniqueId('guardjson');
  await seed({ resourceType: 'Client', id, name: 'Raw', grant_types: ['client_credentials'] });
  await signIn(page, `/clients/${id}`);
  const rawTab = page.getByRole('tab', { name: 'Raw JSON' });
  const json = page.getByLabel('Client JSON');
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });

  // Only looking at the JSON is not work: leaving is silent.
  await rawTab.click();
  await expect(json).toHaveValue(/"name": "Raw"/);
  await mainNav(page).getByRole('link', { name: 'Policies' }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(dialog).toBeHidden();
  await page.goBack();

  await rawTab.click();
  const text = await json.inputValue();
  await json.fill(text.replace('"name": "Raw"', '"name": "Raw edited"'));
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(json).toHaveValue(/"name": "Raw edited"/);

  // Saved: nothing left to lose.
  await page.getByRole('button', { name: 'Save JSON' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(dialog).toBeHidden();

  // Text that does not even parse is work too, for closing the tab as well.
  await page.goBack();
  await rawTab.click();
  await json.fill('{ "name": ');
  // The guard is on once leaving in the app asks; only then is closing the tab tried.
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expectUnloadPrompt(page);
});

test('staged matrix changes survive filtering but not leaving without a confirmation', async ({
  page,
  seed,
}) => {
  const prefix = uniqueId('guardmx');
  for (const c of ['a', 'b']) {
    await seed({ resourceType: 'Client', id: `${prefix}-${c}`, grant_types: ['client_credentials'] });
  }
  // Linked to a Client, so neither a Global nor a User/Operation policy (those ask on their own).
  await seed({
    resourceType: 'AccessPolicy',
    id: `${prefix}-p`,
    engine: 'matcho',
    matcho: { 'request-method': 'get' },
    link: [{ reference: `Client/${prefix}-b` }],
  });
  await signIn(page, `/policies/matrix?client=${prefix}&policy=${prefix}`);
  const cell = (state: string) =>
    page.getByRole('gridcell', { name: `Client ${prefix}-a — policy ${prefix}-p — ${state}`, exact: true });
  await cell('not linked').click();
  await expect(cell('linked — pending')).toBeVisible();

  // A filter lives in the URL: changing it is not leaving.
  await page.getByLabel('Client id or name').fill(`${prefix}-a`);
  await expect(page).toHaveURL(new RegExp(`client=${prefix}-a`));
  await expect(page.getByRole('dialog')).toBeHidden();

  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard staged changes?' });
  await expect(dialog).toContainText('1 staged link change has not been applied');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cell('linked — pending')).toBeVisible();

  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await dialog.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(page).toHaveURL(/\/clients$/);
});

test('the one-time secret after create cannot be left behind by accident', async ({
  page,
  cleanup,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = uniqueId('guardnew');
  cleanup('Client', id);
  await signIn(page, '/clients/new');
  await page.getByRole('link', { name: /Backend service/ }).click();
  await page.getByLabel('Client id').fill(id);

  // A half-filled create form asks too.
  await mainNav(page).getByRole('link', { name: 'Policies' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard this new Client?' });
  await discard.getByRole('button', { name: 'Stay on this page' }).click();

  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page.getByLabel('Client secret')).toBeVisible();

  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without the secret?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page.getByLabel('Client secret')).toBeVisible();
  await expectUnloadPrompt(page);

  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(dialog).toBeHidden();
});

test('a rotated secret that was never copied asks before the wizard is left', async ({
  page,
  seed,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = uniqueId('guardrot');
  await seed({
    resourceType: 'Client',
    id,
    secret: 'old-Qm7vT2xK9pL4wN8zR3yB6cF1hJ5dG0sA',
    grant_types: ['client_credentials'],
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 600 } },
  });
  await signIn(page, `/clients/${id}/rotate-secret`);
  // Before anything is applied, leaving loses nothing.
  await page.getByRole('button', { name: 'Continue: choose the new secret' }).click();
  await page.getByRole('button', { name: 'Continue: confirm' }).click();
  await page.getByLabel(/Type the client id/).fill(id);
  await page.getByRole('button', { name: 'Rotate the secret now' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4: verify with Aidbox' })).toBeVisible();

  // Aidbox now holds the new secret and only this page knows it.
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without the new secret?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await page.getByRole('button', { name: /hand over the new secret/ }).click();
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(dialog).toBeHidden();
});
