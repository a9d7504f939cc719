// Effective access and who-can against devbox: the table must agree with what the API really does
// when the Client calls it; long evaluations show progress and stop on Cancel.
import { readFile } from 'node:fs/promises';
import { realStatus } from './audit-requests.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

test('effective access of demo-backend matches its real requests, cross-checked with Aidbox @alternate', async ({
  page,
  axe,
}) => {
  await signIn(page, '/audit/access?client=demo-backend');
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  // Dev mode: the console's own answers were cross-checked with /auth/test-policy, and agree.
  const check = page.getByRole('note', { name: 'Cross-check with Aidbox' });
  await expect(check).toContainText(/Cross-check with Aidbox: \d+ of the console’s evaluations compared/);
  await expect(check).toContainText('all agree');
  const compared = Number(/(\d+) of the console/.exec(await check.innerText())?.[1]);
  expect(compared).toBeGreaterThan(5);
  await page.screenshot({ path: `/tmp/helper-c-access-${E2E.reading}.png` });
  const grid = page.getByRole('table', { name: 'Effective access by resource type and interaction' });
  const cells: [string, string][] = [
    ['Patient', 'read'],
    ['Patient', 'search'],
    ['Patient', 'delete'],
    ['Patient', 'update'],
    ['Observation', 'create'], // allowed to anyone through the mixed-link policy's Operation link
    ['Patient', 'create'],
    ['AccessPolicy', 'search'],
    ['Client', 'read'],
    ['Claim', 'search'],
    ['Patient', 'transaction'],
  ];
  for (const [type, interaction] of cells) {
    const text = (await grid.locator(`td[data-cell="${type}:${interaction}"]`).innerText()).trim();
    const status = await realStatus(type, interaction);
    expect(text.startsWith('Allowed'), `${type} ${interaction}: screen "${text}", API ${status}`).toBe(
      status !== 403,
    );
  }
  await expect(grid.locator('td[data-cell="Observation:create"]')).toContainText('lab-results-mixed-link');
  await expect(grid.locator('td[data-cell="Patient:read"]')).toContainText('backend-read-clinical');

  // The effective-access export has one row per cell, and says the same thing as the grid.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
  expect(lines).toHaveLength(1 + 20 * 6);
  expect(lines).toContain('"demo-backend","Observation","create","allowed","lab-results-mixed-link",""');
  expect(lines).toContain('"demo-backend","Patient","delete","denied","",""');
  expect(lines.some((l) => l.includes('unknown'))).toBe(false); // Aidbox decided what the console could not
  await axe(page);
});

test('a SMART app’s effective access shows its scopes beside the policy cells', async ({ page, axe }) => {
  await signIn(page, '/audit/access?client=smart-ehr-launch-demo');
  const scopes = page.getByRole('region', { name: 'SMART scopes' });
  await expect(scopes.getByRole('note', { name: 'Scopes and policies' })).toContainText(
    /both a granted scope .* and an AccessPolicy/,
  );
  await expect(scopes.getByRole('table', { name: 'Allowed resource scopes' })).toContainText(
    'patient/Observation.rs?category=laboratory',
  );
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  const grid = page.getByRole('table', { name: 'Effective access by resource type and interaction' });
  // No policy links the app: its scope would allow a Patient read, the policies do not.
  const patientRead = grid.locator('td[data-cell="Patient:read"]');
  await expect(patientRead).toContainText('Denied');
  await expect(patientRead).toContainText('scope: patient/Patient.rs');
  // The mixed-link policy allows anyone to create Observations; no scope of the app does.
  await expect(grid.locator('td[data-cell="Observation:create"]')).toContainText(
    'no scope covers it: denied to atv 2 tokens',
  );
  // Denied by the policies and by the scopes: nothing more to say.
  await expect(grid.locator('td[data-cell="Patient:delete"]')).toHaveText('Denied');
  await expect(grid.locator('td[data-cell="Observation:search"]')).toContainText(
    'patient/Observation.rs?category=vital-signs',
  );
  await axe(page);
});

test('who can delete Patient lists exactly the Clients the demo policies allow', async ({ page }) => {
  await signIn(page, '/audit/who?interaction=delete&type=Patient');
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Clients allowed to delete Patient' });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-client'), tr.querySelector('td')?.textContent ?? '']),
    );
  // Hand-checked from devbox/seed/demo-policies*.ts: the allow-everything policies, and billing-claims
  // (json-schema on resource type only, no method restriction, Patient among its types).
  expect(Object.fromEntries(rows)).toEqual({
    root: 'root-allow-all',
    'ops-superuser-script': 'ops-allow-all',
    'billing-service': 'billing-claims',
    'insurance-eligibility': 'billing-claims',
    'claims-adjudicator': 'billing-claims',
    'vault-backed-service': 'billing-claims',
  });
  expect(await realStatus('Patient', 'delete')).toBe(403); // demo-backend is not on the list, and really is refused
});

test('a long evaluation shows progress, stops issuing requests on Cancel and marks partial results', async ({
  page,
}) => {
  let sent = 0;
  await page.route('**/auth/test-policy', async (route) => {
    sent++;
    await new Promise((r) => setTimeout(r, 150));
    await route.continue().catch(() => undefined);
  });
  let inFlight = 0;
  let maxInFlight = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/auth/test-policy')) maxInFlight = Math.max(maxInFlight, ++inFlight);
  });
  const settle = () => void (inFlight = Math.max(0, inFlight - 1));
  page.on('requestfinished', (r) => r.url().endsWith('/auth/test-policy') && settle());
  page.on('requestfailed', (r) => r.url().endsWith('/auth/test-policy') && settle());

  await signIn(page, '/audit/access?client=*');
  const bar = page.getByRole('progressbar', { name: 'Evaluating effective access' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 })
    .toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^Cancelled after/)).toBeVisible();
  const stoppedAt = Number(await bar.getAttribute('value'));
  const max = Number(await bar.getAttribute('max'));
  const sentAtCancel = sent;
  await page.waitForTimeout(1_000);
  expect(Number(await bar.getAttribute('value'))).toBe(stoppedAt);
  expect(stoppedAt).toBeLessThan(max);
  expect(sent).toBe(sentAtCancel);
  expect(maxInFlight).toBeLessThanOrEqual(6);
  // Partial results are marked, never shown as denied.
  const notEvaluated = await page
    .getByRole('table', { name: 'Effective access of every Client' })
    .locator('tbody tr td:nth-child(3)')
    .allInnerTexts();
  expect(notEvaluated.some((t) => Number(t) > 0)).toBe(true);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
});
