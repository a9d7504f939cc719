// Matrix headers and guarded columns (issue 14 §8): labels read at an angle with the full name on
// hover and on keyboard focus; Global and User/Operation columns look different down to every
// cell; staging a Client link on either asks first, and Cancel stages nothing.
import type { Locator, Page } from '@playwright/test';
import { uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

test.use({ actionTimeout: 15_000 });

const cellName = (client: string, policy: string, state: string) =>
  `Client ${client} — policy ${policy} — ${state}`;

function cell(page: Page, client: string, policy: string, state: string): Locator {
  return page.getByRole('gridcell', { name: cellName(client, policy, state), exact: true });
}

/** The rotation of a header label in degrees, from its computed transform matrix. */
async function labelAngle(header: Locator): Promise<number> {
  return header.locator('.pm-h-text').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return Math.round((Math.atan2(m.b, m.a) * 180) / Math.PI);
  });
}

test('angled headers with the full name on hover and focus; Global and U/Op columns stand out', async ({
  page,
  axe,
}) => {
  await signIn(page, '/policies/matrix?policy=history-for-console-admins');
  const header = page.getByRole('columnheader', { name: /history-for-console-admins/ });
  await expect(header).toBeVisible();
  const angle = await labelAngle(header);
  expect(Math.abs(angle)).toBeGreaterThan(20);
  expect(Math.abs(angle)).toBeLessThan(70);

  // The label is cut with "…" for lack of room; the tooltip has it whole, by mouse and by keyboard.
  const tip = page.getByRole('tooltip');
  await header.hover();
  await expect(tip).toContainText('history-for-console-admins');
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await header.focus();
  await expect(tip).toContainText('history-for-console-admins');
  await expect(header).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'missing');

  // A Global, a User/Operation and a Client-linked column side by side.
  await page.goto('/policies/matrix?policy=-read&client=admin-dashboard');
  const kindOf = (policy: string) =>
    cell(page, 'admin-dashboard', policy, 'not linked').evaluate((el) => ({
      hatch: getComputedStyle(el).backgroundImage !== 'none',
    }));
  expect(await kindOf('global-metadata-read')).toEqual({ hatch: true });
  expect(await kindOf('clinician-user-read')).toEqual({ hatch: true });
  expect(await kindOf('analytics-read-only')).toEqual({ hatch: false });
  await expect(page.getByRole('columnheader', { name: /global-metadata-read/ })).toContainText('G');
  await expect(page.getByRole('columnheader', { name: /clinician-user-read/ })).toContainText('U/Op');
  await axe(page);
});

test('staging a link on a Global or a User/Operation policy asks first', async ({ page, seed }) => {
  const prefix = uniqueId('guardcol');
  const clientId = `${prefix}-c`;
  await seed({ resourceType: 'Client', id: clientId, grant_types: ['client_credentials'] });
  await seed({
    resourceType: 'AccessPolicy',
    id: `${prefix}-global`,
    engine: 'matcho',
    matcho: { uri: '/none' },
  });
  await seed({
    resourceType: 'AccessPolicy',
    id: `${prefix}-op`,
    engine: 'matcho',
    matcho: { uri: '/none' },
    link: [{ reference: 'Operation/FhirRead' }],
  });
  await signIn(page, `/policies/matrix?client=${prefix}&policy=${prefix}`);
  const tray = page.getByRole('complementary', { name: /Pending changes/ });

  await cell(page, clientId, `${prefix}-global`, 'not linked').click();
  const globalDialog = page.getByRole('dialog', { name: 'Link a Client to a Global policy?' });
  await expect(globalDialog).toContainText('everyone else loses what it grants');
  await globalDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(cell(page, clientId, `${prefix}-global`, 'not linked')).toBeVisible();
  await expect(tray.getByRole('heading')).toHaveText('Pending changes 0');

  // Keyboard staging is guarded the same way.
  await cell(page, clientId, `${prefix}-op`, 'not linked').focus();
  await page.keyboard.press('Space');
  const opDialog = page.getByRole('dialog', { name: 'Link a Client to a User/Operation policy?' });
  await expect(opDialog).toContainText('Link entries are OR-ed');
  await opDialog.getByRole('button', { name: 'Stage anyway' }).click();
  await expect(cell(page, clientId, `${prefix}-op`, 'linked — pending')).toBeVisible();
  await expect(tray.getByRole('heading')).toHaveText('Pending changes 1');

  // Unstaging needs no confirmation.
  await cell(page, clientId, `${prefix}-op`, 'linked — pending').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(tray.getByRole('heading')).toHaveText('Pending changes 0');
});
