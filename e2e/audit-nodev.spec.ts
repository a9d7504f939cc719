// Issue 11 against a devbox WITHOUT development mode (as most production Aidboxes run): effective
// access, who-can and the playground's decision come from the console's own evaluation of the
// policy text, sql cells are marked as needing Aidbox, and no count is a false answer.
import { readFile } from 'node:fs/promises';
import { DEMO_SECRETS } from '../devbox/seed/demo-secrets.ts';
import { realStatus } from './audit-requests.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

test.beforeEach(() => {
  test.skip(E2E.devMode, 'needs devbox without development mode (E2E_DEV_MODE=false)');
});

test('effective access without dev mode: evaluated from the policy text, sql cells unknown @nodev', async ({
  page,
  axe,
}) => {
  await signIn(page, '/audit/access?client=demo-backend');
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  const note = page.getByRole('note', { name: 'How these results were evaluated' });
  await expect(note).toContainText('Evaluated by the console from the policy text.');
  await expect(note).toContainText('development mode is off');
  await expect(note).toContainText('BOX_SECURITY_DEV_MODE=true');
  await expect(note).toContainText(/\d+ cells are unknown \(needs Aidbox\)/);

  const grid = page.getByRole('table', { name: 'Effective access by resource type and interaction' });
  await expect(grid.locator('td[data-cell="Patient:read"]')).toContainText('backend-read-clinical');
  await expect(grid.locator('td[data-cell="Observation:create"]')).toContainText('lab-results-mixed-link');
  // global-read-operations is a global sql policy: where nothing else allows, only Aidbox can say.
  await expect(grid.locator('td[data-cell="Patient:delete"]')).toContainText('Unknown');
  // The cell names the policy; its title says why (the sql engine).
  await expect(grid.locator('td[data-cell="Patient:delete"]')).toContainText(
    'needs Aidbox: global-read-operations',
  );
  await expect(grid.locator('td[data-cell="Patient:delete"] .au-unknown')).toHaveAttribute(
    'title',
    /^global-read-operations: sql engine/,
  );
  // Every decided cell holds against demo-backend's real requests; none of the unknown is shown as denied.
  for (const [type, interaction] of [
    ['Patient', 'read'],
    ['Patient', 'search'],
    ['Observation', 'create'],
    ['Claim', 'search'],
    ['Patient', 'delete'],
    ['Client', 'read'],
  ] as const) {
    const text = (await grid.locator(`td[data-cell="${type}:${interaction}"]`).innerText()).trim();
    const status = await realStatus(type, interaction);
    if (text.startsWith('Allowed')) expect(status, `${type} ${interaction}`).not.toBe(403);
    else if (text.startsWith('Denied')) expect(status, `${type} ${interaction}`).toBe(403);
    else expect(text, `${type} ${interaction}`).toMatch(/^Unknown/);
  }
  await expect(grid).not.toContainText('Denied');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    complete: boolean;
    method: string;
    counts: { unknown: number };
    cells: { resourceType: string; interaction: string; decision: string; note?: string }[];
  };
  expect(doc.complete).toBe(false);
  expect(doc.method).toContain('evaluated by the console from the policy text');
  expect(doc.counts.unknown).toBeGreaterThan(0);
  expect(doc.cells.find((c) => c.resourceType === 'Patient' && c.interaction === 'delete')).toMatchObject({
    decision: 'unknown (needs Aidbox)',
    note: expect.stringContaining('sql'),
  });
  await page.screenshot({ path: '/tmp/helper-c-access-nodev.png', fullPage: true });
  await axe(page);
});

test('who can delete Patient without dev mode: a lower bound, never a false count @nodev', async ({
  page,
}) => {
  await signIn(page, '/audit/who?interaction=delete&type=Patient');
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  const headline = page.getByRole('heading', { level: 2 }).filter({ hasText: /may delete Patient/ });
  await expect(headline).toHaveText(
    /^At least 6 Clients may delete Patient; \d+ Clients unknown \(needs Aidbox\)$/,
  );
  await expect(page.getByText(/^No Client is allowed/)).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Clients allowed to delete Patient' });
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.locator('tr[data-client="billing-service"]')).toContainText('billing-claims');
  const undecided = page.getByRole('table', { name: 'Clients not decided for delete Patient' });
  await expect(undecided.locator('tr[data-client="demo-backend"]')).toContainText('sql engine');
  expect(await realStatus('Patient', 'delete')).toBe(403); // "unknown" was honest: Aidbox would say
  await page.screenshot({ path: '/tmp/helper-c-who-nodev.png', fullPage: true });
});

test('playground: which policy decided, from the policy text @nodev', async ({ page }) => {
  await signIn(page, '/playground?client=demo-backend&flow=client_credentials&path=%2Ffhir%2FPatient');
  await page.getByLabel('Client secret (confidential Clients)').fill(DEMO_SECRETS['demo-backend']);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page
      .getByRole('region', { name: 'Token request (client_credentials)' })
      .getByText('HTTP 200', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Send with the playground token' }).click();
  await expect(page.getByText('Policy debugging is off on this Aidbox')).toBeVisible();
  const local = page.getByRole('region', { name: 'Local policy decision' });
  await expect(local).toContainText('Evaluated by the console from the policy text');
  await expect(local).toContainText('Allowed by backend-read-clinical.');

  // A refused delete: the sql candidate is marked as needing Aidbox, the answer is not "denied".
  await page.getByLabel('Method').selectOption('DELETE');
  await page.getByLabel('Path').fill('/fhir/Patient/nodev-probe');
  await page.getByRole('button', { name: 'Send with the playground token' }).click();
  await expect(page.getByRole('region', { name: 'API: DELETE /fhir/Patient/nodev-probe' })).toContainText(
    'HTTP 403',
  );
  await expect(local).toContainText('Unknown: no policy the console can evaluate allows it');
  await expect(local.getByRole('row', { name: /global-read-operations/ })).toContainText('needs Aidbox');
  await expect(local.getByRole('row', { name: /backend-read-clinical/ })).toContainText('false');
  await page.screenshot({ path: '/tmp/helper-c-playground-nodev.png', fullPage: true });
});
