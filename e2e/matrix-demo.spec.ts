// The policy matrix over the demo data: Global column and kind markers, the mixed-link warning,
// descriptions on focus, CSV export equal to the grid, the self-lockout question, the policy page,
// the Client page's policies panel, and axe.
import { readFileSync } from 'node:fs';
import { readResource, uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

test('demo data: Global column, U/Op and mixed-link markers, description on focus, axe', async ({
  page,
  axe,
}) => {
  await signIn(page, '/policies/matrix');
  const grid = page.getByRole('grid', { name: 'Clients × AccessPolicies' });
  await expect(grid).toBeVisible();
  const global = page.getByRole('columnheader', { name: /Global/ });
  await expect(global).toBeVisible();
  await expect(page.getByText(/policy mixes Client and Operation links/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'lab-results-mixed-link' }).first()).toBeVisible();
  await page.getByText(/policies apply to every Client/).click();
  await expect(page.getByRole('link', { name: 'global-metadata-read' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'reviewer-read-config' })).toBeVisible();

  // Focus on a column header shows its description, tied by aria-describedby.
  await page.goto('/policies/matrix?kind=mixed');
  const header = page.getByRole('columnheader', { name: /lab-results-mixed-link/ });
  await header.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('mixed link');
  await expect(tip).toContainText('Operation/FhirCreate');
  await expect(header).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'missing');
  await expect(page.getByText('Showing')).toContainText('× 1 of');
  await axe(page);

  // With pending changes too.
  await page.goto('/policies/matrix');
  await page.getByRole('gridcell').nth(3).click();
  await expect(page.getByRole('heading', { name: /Pending changes 1/ })).toBeVisible();
  await axe(page);
});

test('the CSV export matches what the filters show', async ({ page }) => {
  await signIn(page, '/policies/matrix?client=lab&engine=matcho&kind=linked&linked=1');
  await expect(page.getByRole('grid')).toBeVisible();
  const headers = await page
    .getByRole('columnheader')
    .evaluateAll((els) => els.slice(2).map((e) => e.querySelector('.pm-h-id')?.textContent ?? ''));
  const rows = await page.getByRole('row').evaluateAll((els) =>
    els.slice(1).map((row) => ({
      id: row.querySelector('.pm-rh-id')?.textContent ?? '',
      cells: [...row.querySelectorAll('[role="gridcell"][aria-colindex]')]
        .slice(1)
        .map(
          (c) => /— (linked|not linked)( — pending)?$/.exec(c.getAttribute('aria-label') ?? '')?.[1] ?? '?',
        ),
    })),
  );
  expect(rows.length).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\r\n');
  const parse = (line: string) => line.slice(1, -1).split('","');
  expect(parse(lines[0] ?? '').slice(4)).toEqual(headers);
  expect(lines.slice(1).map((l) => parse(l)[0])).toEqual(rows.map((r) => r.id));
  for (const [i, r] of rows.entries()) expect(parse(lines[i + 1] ?? '').slice(4)).toEqual(r.cells);
});

test('changes that remove the console Client’s access ask for explicit confirmation', async ({ page }) => {
  await signIn(page, '/policies/matrix?client=aidbox-console&policy=aidbox-console-admin');
  const consoleCell = page.getByRole('gridcell', {
    name: 'Client aidbox-console — policy aidbox-console-admin — linked',
    exact: true,
  });
  await consoleCell.click();
  // Its only link: the policy would turn global.
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  const dialog = page.getByRole('dialog', { name: /may affect access, including your own/ });
  await expect(dialog).toContainText('aidbox-console-admin would have no link left and become global');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // With another Client linked instead, the console itself loses the policy.
  await page.getByLabel('Client id or name').fill('demo-backend');
  await page
    .getByRole('gridcell', {
      name: 'Client demo-backend — policy aidbox-console-admin — not linked',
      exact: true,
    })
    .click();
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(dialog).toContainText("unlinks the console's own Client (aidbox-console)");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const policy = await readResource('AccessPolicy', 'aidbox-console-admin');
  expect(policy?.link).toEqual([{ reference: 'Client/aidbox-console' }]);
  await page.getByRole('button', { name: 'Discard all' }).click();
  await expect(page.getByRole('heading', { name: /Pending changes 0/ })).toBeVisible();
});

test('policy page lists Clients, Users, Operations and the JSON as text; the Client page links back', async ({
  page,
  seed,
}) => {
  await signIn(page, '/policies/lab-results-mixed-link');
  await expect(page.getByRole('heading', { name: /AccessPolicy lab-results-mixed-link/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Clients' })).toContainText('lab-interface');
  await expect(page.getByRole('region', { name: 'Operations' })).toContainText('FhirCreate');
  await expect(page.getByText(/Mixed link/)).toBeVisible();
  await expect(page.getByLabel('JSON of lab-results-mixed-link')).toContainText(
    '"resourceType": "AccessPolicy"',
  );

  // Both directions: link a policy from the Client page, then unlink it again.
  const id = uniqueId('mx-client');
  await seed({ resourceType: 'Client', id, grant_types: ['client_credentials'] });
  await page.goto(`/clients/${id}`);
  const panel = page.getByRole('group', { name: 'AccessPolicies' });
  await expect(panel).toContainText('No policy links this Client.');
  await panel.getByLabel('Link a policy').selectOption('backend-read-clinical');
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Linked to backend-read-clinical.');
  await expect(panel.getByRole('link', { name: 'backend-read-clinical' })).toBeVisible();
  await panel.getByRole('button', { name: 'Unlink backend-read-clinical' }).click();
  await page
    .getByRole('dialog', { name: 'Unlink backend-read-clinical from this Client?' })
    .getByRole('button', { name: 'Unlink' })
    .click();
  await expect(panel.getByRole('status')).toHaveText('Unlinked from backend-read-clinical.');
  const policy = await readResource('AccessPolicy', 'backend-read-clinical');
  expect(JSON.stringify(policy?.link)).not.toContain(id);
});
