// Issue 14 §11 and §6 on the Clients list: a page past the end offers the last page, the pager
// keeps the focus, headers sort, columns keep their widths, a visible "Updating…", the grant filter
// explains `code`, no text under 12 px; deactivation confirms with its impact and offers Undo.
import type { Page } from '@playwright/test';
import { readResource, uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

const rowOf = (page: Page, id: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: id, exact: true }) });

/** Every visible text's computed font size, smallest first. */
async function smallestText(page: Page): Promise<{ size: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { size: number; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visually hidden text (1px boxes for screen readers) is not read by eye.
      if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
      out.push({ size: parseFloat(style.fontSize), text: text.slice(0, 40) });
    }
    return out.sort((a, b) => a.size - b.size).slice(0, 3);
  });
}

test('list polish: past-the-end page, focus on the pager, sortable headers, stable widths, Updating…, readable text @alternate', async ({
  page,
  seed,
  axe,
}) => {
  // Enough Clients for two pages on top of the demo data.
  const prefix = uniqueId('e2e-polish');
  for (let i = 0; i < 11; i++) {
    await seed({
      resourceType: 'Client',
      id: `${prefix}-${String(i).padStart(2, '0')}`,
      grant_types: ['basic'],
    });
  }
  await signIn(page, '/clients?page=99');
  const past = page.getByRole('heading', { name: 'Page 99 is past the end' });
  await expect(past).toBeVisible();
  await page.getByRole('button', { name: /Go to the last page \(\d+\)/ }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();

  // The pager keeps the keyboard focus, also when Next has nowhere further to go.
  const previous = page.getByRole('button', { name: 'Previous' });
  const next = page.getByRole('button', { name: 'Next' });
  await previous.focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/page=/);
  await expect(previous).toBeFocused();
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(next).toBeFocused();
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(next).toBeFocused();

  // Headers sort, and say how.
  await previous.click();
  const nameHeader = page.getByRole('columnheader', { name: /Name/ });
  await nameHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=name\b/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-name\b/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Sort by')).toHaveValue('-name');
  await page.getByRole('columnheader', { name: /^Id/ }).getByRole('button').click();
  await expect(page).not.toHaveURL(/sort=/);

  // Column widths do not jump when a search brings other rows; "Updating…" shows while it loads.
  const widths = () =>
    page.locator('table.cc-table thead th').evaluateAll((ths) => ths.map((th) => Math.round(th.clientWidth)));
  const before = await widths();
  await page.route(/_ilike=legacy/, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-devbox-fault': 'latency=1500' } }),
  );
  await page.getByRole('searchbox', { name: 'Search' }).fill('legacy');
  await expect(page.getByText('Updating…')).toBeVisible();
  await expect(rowOf(page, 'legacy-kiosk')).toBeVisible();
  await expect(page.getByText('Updating…')).toHaveCount(0);
  expect(await widths()).toEqual(before);

  // The grant filter says what `code` is.
  await expect(page.getByLabel('Grant type').locator('option[value="code"]')).toHaveText(
    'code (Aidbox alias of authorization_code)',
  );
  // No text under 12 px.
  const smallest = await smallestText(page);
  expect(smallest[0]?.size ?? 12, JSON.stringify(smallest)).toBeGreaterThanOrEqual(12);
  await axe(page);
});

test('deactivate asks first with the impact, then offers Undo @alternate', async ({ page, seed, axe }) => {
  const id = uniqueId('e2e-deact');
  await seed({
    resourceType: 'Client',
    id,
    secret: 'a-secret-for-this-test-only-0123456789',
    grant_types: ['client_credentials'],
  });
  await signIn(page, `/clients?q=${id}`);
  await rowOf(page, id)
    .getByRole('button', { name: `Actions for ${id}` })
    .click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('dialog', { name: `Deactivate ${id}?` });
  const impact = dialog.getByRole('list', { name: 'Impact' });
  await expect(impact).toContainText('Token requests with client_credentials are refused from now on.');
  await expect(impact).toContainText(/0 active Sessions/);
  await expect(impact).toContainText('No AccessPolicy links it.');
  await axe(page);
  // Cancel writes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await readResource('Client', id))?.active).not.toBe(false);

  await rowOf(page, id)
    .getByRole('button', { name: `Actions for ${id}` })
    .click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await page
    .getByRole('dialog', { name: `Deactivate ${id}?` })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  const toast = page.getByRole('status').filter({ hasText: `${id} is deactivated.` });
  await expect(toast).toBeVisible();
  await expect(rowOf(page, id).getByRole('cell', { name: 'No', exact: true })).toBeVisible();
  expect((await readResource('Client', id))?.active).toBe(false);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${id} is active again.` })).toBeVisible();
  await expect(rowOf(page, id).getByRole('cell', { name: 'Yes', exact: true })).toBeVisible();
  expect((await readResource('Client', id))?.active).toBe(true);
});
