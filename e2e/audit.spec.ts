// Security review against devbox's demo data: the risky Clients' findings, filters in the URL,
// evidence exports that match the screen, the print layout, and the dev-mode explanation.
import { readFile } from 'node:fs/promises';
import type { RISKY_CLIENTS } from '../devbox/seed/demo-clients-risky.ts';
import { MIXED_LINK_POLICY_ID } from '../devbox/seed/demo-policies.ts';
import { expect, signIn, test } from './fixtures.ts';

/** The rule each deliberately risky demo Client exists for (devbox/seed/demo-clients-risky.ts). */
const EXPECTED_RULE: Record<keyof typeof RISKY_CLIENTS, string> = {
  'legacy-spa-implicit': 'implicit-grant',
  'legacy-kiosk': 'password-grant',
  'intranet-dashboard': 'redirect-not-https',
  'partner-referral-app': 'wildcard-redirect',
  'scheduling-widget': 'public-without-pkce',
  'research-export-tool': 'refresh-no-expiry',
  'fax-gateway': 'long-access-token',
  'claims-adjudicator': 'secret-never-rotated',
  'pharmacy-connector': 'secret-too-old',
  'orphan-integration': 'no-policy',
  'ops-superuser-script': 'allow-all-only',
  'retired-telehealth': 'inactive-linked',
  'decommissioned-fax': 'inactive-client',
};

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

test('every risky demo Client and policy shows its finding, with a link to the field to fix', async ({
  page,
  axe,
}) => {
  await signIn(page, '/audit');
  await expect(page.getByRole('heading', { name: 'Security findings' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Security findings' });
  await expect(table).toBeVisible();
  for (const [client, rule] of Object.entries(EXPECTED_RULE)) {
    await expect(
      table.locator(`tr[data-rule="${rule}"][data-target="Client/${client}"]`),
      `${client} → ${rule}`,
    ).toHaveCount(1);
  }
  await expect(
    table.locator(`tr[data-rule="mixed-link"][data-target="AccessPolicy/${MIXED_LINK_POLICY_ID}"]`),
  ).toHaveCount(1);
  for (const g of ['global-metadata-read', 'global-read-operations']) {
    await expect(table.locator(`tr[data-rule="global-policy"][data-target="AccessPolicy/${g}"]`)).toHaveCount(
      1,
    );
  }
  // ~200 days since claims-adjudicator's last Session; ehr-integration was used minutes ago.
  await expect(
    table.locator('tr[data-rule="idle-client"][data-target="Client/claims-adjudicator"]'),
  ).toHaveCount(1);
  await expect(
    table.locator('tr[data-rule="idle-client"][data-target="Client/ehr-integration"]'),
  ).toHaveCount(0);

  // SMART rules (issue 12 §6) on the demo's SMART Clients, each with the field to fix.
  const smart = (rule: string, client: string) =>
    table.locator(`tr[data-rule="${rule}"][data-target="Client/${client}"]`);
  await expect(smart('smart-wildcard-system-scope', 'analytics-platform')).toHaveCount(1);
  await expect(
    smart('smart-wildcard-system-scope', 'bulk-export-client').getByRole('link', { name: /Fix scope\.0/ }),
  ).toHaveAttribute('href', '/clients/bulk-export-client?field=scope.0');
  await expect(smart('smart-patient-write', 'smart-med-reconciliation')).toContainText(
    'patient/MedicationStatement.cruds',
  );
  await expect(smart('smart-v1-scopes', 'hie-gateway')).toHaveCount(1);
  // The demo's v2 SMART apps are clean.
  await expect(
    table.locator('tr[data-rule^="smart-"][data-target="Client/smart-ehr-launch-demo"]'),
  ).toHaveCount(0);

  const pkce = table.locator('tr[data-rule="public-without-pkce"][data-target="Client/scheduling-widget"]');
  await expect(pkce.getByText('RFC 9700 §2.1.1')).toBeVisible();
  await expect(pkce.getByRole('link', { name: /Fix auth\.authorization_code\.pkce/ })).toHaveAttribute(
    'href',
    '/clients/scheduling-widget?field=auth.authorization_code.pkce',
  );
  await axe(page);
});

test('filters and settings live in the URL; counts follow the filters', async ({ page }) => {
  await signIn(page, '/audit');
  const table = page.getByRole('table', { name: 'Security findings' });
  await expect(table).toBeVisible();
  await page.getByLabel('Severity').selectOption('high');
  await expect(page).toHaveURL(/severity=high/);
  await expect(table.locator('tr[data-rule] .au-sev-medium')).toHaveCount(0);
  await expect(page.locator('.au-count.au-sev-medium strong')).toHaveText('0');

  // Secret age limit 3000 days: pharmacy-connector (rotated ~1000 days ago) is no longer too old.
  await page.goto('/audit?rule=secret-too-old&age=3000');
  await expect(
    page.getByRole('table', { name: 'Security findings' }).or(page.getByText('No findings match')),
  ).toBeVisible();
  await expect(page.locator('tr[data-target="Client/pharmacy-connector"]')).toHaveCount(0);
  await page.getByLabel('Secret age limit (days)').fill('365');
  await expect(page).toHaveURL(/rule=secret-too-old(?!.*age=)/);
  await expect(
    page.locator('tr[data-rule="secret-too-old"][data-target="Client/pharmacy-connector"]'),
  ).toHaveCount(1);

  await page.goto('/audit?q=legacy-kiosk');
  await expect(page.locator('tr[data-rule]').first()).toBeVisible();
  const targets = await page
    .locator('tr[data-rule]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')));
  expect(new Set(targets)).toEqual(new Set(['Client/legacy-kiosk']));
});

test('findings exports (CSV and JSON) contain exactly the rows on screen', async ({ page }) => {
  await signIn(page, '/audit?severity=high');
  await expect(page.locator('tr[data-rule]').first()).toBeVisible();
  const onScreen = await page
    .locator('tr[data-rule]')
    .evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-rule')}|${r.getAttribute('data-target')}`),
    );

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^aidbox-findings-.*\.csv$/);
  const rows = parseCsv(await readFile(await csvDownload.path(), 'utf8'));
  expect(rows[0]?.slice(0, 4)).toEqual(['Severity', 'Rule', 'Target type', 'Target id']);
  expect(
    rows
      .slice(1)
      .map((r) => `${r[1]}|${r[2]}/${r[3]}`)
      .sort(),
  ).toEqual([...onScreen].sort());
  expect(rows.slice(1).every((r) => r[0] === 'high')).toBe(true);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as {
    aidboxUrl: string;
    reviewer: string;
    filters: Record<string, string>;
    findings: { rule: string; targetType: string; targetId: string }[];
  };
  expect(doc.filters).toEqual({ severity: 'high' });
  expect(doc.reviewer).toBe('admin@devbox.local'); // the ID token's display name for admin
  expect(doc.aidboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(doc.findings.map((f) => `${f.rule}|${f.targetType}/${f.targetId}`).sort()).toEqual(
    [...onScreen].sort(),
  );
});

test('the printed report hides navigation and names the Aidbox URL, time and reviewer', async ({ page }) => {
  await signIn(page, '/audit');
  await expect(page.locator('tr[data-rule]').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  const header = page.locator('.au-print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText('admin@devbox.local'); // the ID token's display name for admin
  await expect(header).toContainText(/http:\/\/127\.0\.0\.1:\d+/);
  await expect(header).toContainText(new Date().toISOString().slice(0, 10));
});

test('without dev mode, the console evaluates from the policy text and says how to enable Aidbox’s evaluator', async ({
  page,
}) => {
  await page.route('**/auth/test-policy', (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'not-found', diagnostics: '/auth/test-policy is disabled' }],
      }),
    }),
  );
  await signIn(page, '/audit/access?client=demo-backend');
  const note = page.getByRole('note', { name: 'How these results were evaluated' });
  await expect(note).toContainText('Evaluated by the console from the policy text.');
  await expect(note).toContainText('BOX_SECURITY_DEV_MODE=true');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
