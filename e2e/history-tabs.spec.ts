// History where the resource is (issue 14 §9): a History tab on the Client editor and on the policy
// page, with the same versions and diff as the audit page, and an Author column that says plainly
// that Aidbox's history does not record who wrote a version.
import { fhir, uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

test.use({ actionTimeout: 15_000 });

const mergePatch = (path: string, body: unknown) =>
  fhir('PATCH', path, body, { 'content-type': 'application/merge-patch+json' });

test('the Client editor has a History tab; unsaved edits survive a look at it', async ({ page, seed }) => {
  const id = uniqueId('histtab');
  await seed({ resourceType: 'Client', id, name: 'First name', grant_types: ['client_credentials'] });
  expect((await mergePatch(`Client/${id}`, { name: 'Second name' })).status).toBe(200);
  await signIn(page, `/clients/${id}`);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('Second name');
  await name.fill('Typed, not saved');

  await page.getByRole('tab', { name: 'History' }).click();
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3); // header + 2 versions
  await expect(versions.getByRole('row').nth(1)).toContainText('(current)');
  await expect(versions.getByRole('row').nth(1)).toContainText('not recorded');
  await expect(page.getByText(/history does not record who wrote a version/)).toBeVisible();
  const diff = page.getByRole('table', { name: /Changes from version/ });
  await expect(diff.locator('tr[data-path="name"]')).toContainText('First name');
  await expect(diff.locator('tr[data-path="name"]')).toContainText('Second name');

  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(name).toHaveValue('Typed, not saved');
});

test('the policy page has a History tab that can be linked to', async ({ page, seed }) => {
  const id = uniqueId('histpol');
  await seed({
    resourceType: 'AccessPolicy',
    id,
    engine: 'matcho',
    description: 'first',
    matcho: { uri: '/none' },
    link: [{ reference: 'Client/nobody' }],
  });
  expect((await mergePatch(`AccessPolicy/${id}`, { description: 'second' })).status).toBe(200);
  await signIn(page, `/policies/${id}`);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(/[?&]tab=history/);
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table', { name: /Changes from version/ })).toContainText('description');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(versions).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('second', { exact: true })).toBeVisible();
});
