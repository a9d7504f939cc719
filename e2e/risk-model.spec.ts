// Issue 14 §4 and §5: the Clients list's Risks column and the editor's banner come from the security
// review's own rules (they agree on devbox's demo data), and a Client with an old rule violation
// can still be edited elsewhere after an explicit acknowledgement, while a new violation is refused.
import { createResource, deleteResource, readResource, uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

type Severity = 'high' | 'medium' | 'low';
const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

interface Summary {
  top: Severity;
  count: number;
}

function summarise(rows: { target: string; severity: Severity }[]): Map<string, Summary> {
  const out = new Map<string, Summary>();
  for (const { target, severity } of rows) {
    if (!target.startsWith('Client/')) continue;
    const id = target.slice('Client/'.length);
    const prev = out.get(id);
    out.set(id, {
      top: prev && RANK[prev.top] <= RANK[severity] ? prev.top : severity,
      count: (prev?.count ?? 0) + 1,
    });
  }
  return out;
}

// @alternate: on that reading Aidbox omits `secret` from reads; both the review (api/audit.ts) and
// the list (api/clients.ts) ask search which Clients hold one, so the secret rules (secret age, a
// SMART backend's secret beside its keys) agree there too.
test('the list’s Risks column equals the review’s findings for every demo Client @alternate', async ({
  page,
  axe,
}) => {
  await signIn(page, '/audit');
  const findings = page.getByRole('table', { name: 'Security findings' });
  await expect(findings).toBeVisible();
  const review = summarise(
    await findings.locator('tr[data-rule]').evaluateAll((rows) =>
      rows.map((r) => ({
        target: r.getAttribute('data-target') ?? '',
        severity: (r.querySelector('.au-sev')?.textContent ?? '') as 'high' | 'medium' | 'low',
      })),
    ),
  );
  expect(review.size).toBeGreaterThan(10);

  await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
  const table = page.locator('table.cc-table');
  let compared = 0;
  for (;;) {
    await expect(table.locator('tbody a[data-row-link]').first()).toBeVisible();
    // The rules load after the first rows: wait until no cell is still checking.
    await expect(table.locator('[aria-label="Checking risks"]')).toHaveCount(0);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('td');
        return {
          id: tr.querySelector('a[data-row-link]')?.textContent ?? '',
          risk: cells[6]?.textContent?.trim() ?? '',
        };
      }),
    );
    for (const { id, risk } of rows) {
      const expected = review.get(id);
      const label = expected
        ? `${expected.top[0]!.toUpperCase()}${expected.top.slice(1)} · ${expected.count}`
        : 'None';
      expect(risk, `Risks of ${id}`).toBe(label);
      compared++;
    }
    const next = page.getByRole('button', { name: /next/i });
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
  }
  expect(compared).toBeGreaterThan(10);

  // A Risks badge opens exactly that Client's findings in the review.
  await page.goto('/clients?q=partner-referral-app');
  const badge = page.getByRole('link', { name: /findings?, highest high: open partner-referral-app/ });
  await badge.click();
  await expect(page).toHaveURL(/\/audit\?client=partner-referral-app/);
  await expect(page.getByText('Only Client')).toContainText('partner-referral-app');
  const shown = page.getByRole('table', { name: 'Security findings' }).locator('tr[data-rule]');
  await expect(shown).toHaveCount(review.get('partner-referral-app')?.count ?? -1);
  await expect(shown.and(page.locator(':not([data-target="Client/partner-referral-app"])'))).toHaveCount(0);
  await axe(page);
});

test('a risky Client opens with its findings and saves a description change after acknowledgement', async ({
  page,
  axe,
}) => {
  const id = uniqueId('e2e-risky');
  const wildcard = 'https://*.partner.example.com/callback';
  await createResource({
    resourceType: 'Client',
    id,
    description: 'before',
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: wildcard, pkce: true } },
  });
  try {
    await signIn(page, `/clients/${id}`);
    const banner = page.getByRole('region', { name: /Security review: \d+ findings?/ });
    await expect(banner).toContainText('Wildcard redirect URI');
    await expect(
      banner.getByRole('link', { name: /Fix auth\.authorization_code\.redirect_uri/ }),
    ).toBeVisible();
    await axe(page);

    await page.getByLabel('Description', { exact: true }).fill('changed by the e2e test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // Refused until the old problem is acknowledged; nothing was written.
    const existing = page.getByRole('group', { name: /already breaks a registration rule/ });
    await expect(existing).toContainText('auth.authorization_code.redirect_uri');
    await expect(existing.getByRole('alert')).toContainText('Tick the box');
    expect((await readResource('Client', id))?.description).toBe('before');

    await existing.getByRole('checkbox', { name: /I know about this problem/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    const saved = await readResource('Client', id);
    expect(saved?.description).toBe('changed by the e2e test');
    expect(
      (saved?.auth as { authorization_code: { redirect_uri: string } }).authorization_code.redirect_uri,
    ).toBe(wildcard);

    // A new violation is still refused, acknowledgement or not.
    // This Client has no keys, so its Keys section is one line until asked.
    await page.getByRole('button', { name: 'Add keys…' }).click();
    await page.getByLabel('JWKS URI').fill('http://keys.example.com/jwks');
    await page
      .getByRole('group', { name: /already breaks/ })
      .getByRole('checkbox')
      .check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('The JWKS URI must be an https:// address.')).toBeVisible();
    expect((await readResource('Client', id))?.jwks_uri).toBeUndefined();
  } finally {
    await deleteResource('Client', id);
  }
});

test('fix links open the editor at the field: scrolled to and focused (issue 14 §3) @alternate', async ({
  page,
}) => {
  await signIn(page, '/audit');
  const findings = page.getByRole('table', { name: 'Security findings' });
  await findings
    .locator('tr[data-rule="public-without-pkce"][data-target="Client/scheduling-widget"]')
    .getByRole('link', { name: /Fix auth\.authorization_code\.pkce/ })
    .click();
  await expect(page).toHaveURL(/\/clients\/scheduling-widget\?field=auth\.authorization_code\.pkce/);
  const pkce = page.locator('[name="auth.authorization_code.pkce"]');
  await expect(pkce).toBeFocused();
  await expect(pkce).toBeInViewport();

  // From the editor's own findings banner: a field further down the form.
  await page.goto('/clients/partner-referral-app');
  const banner = page.getByRole('region', { name: /Security review/ });
  await banner.getByRole('link', { name: /Fix auth\.authorization_code\.redirect_uri/ }).click();
  const redirect = page.locator('[name="auth.authorization_code.redirect_uri"]');
  await expect(redirect).toBeFocused();
  await expect(redirect).toBeInViewport();

  // A SMART finding names one scope (scope.0): the Scopes section's field takes the focus.
  await page.goto('/clients/bulk-export-client?field=scope.0');
  await expect(page.locator('[name="scope"]')).toBeFocused();

  // A secret's age is fixed by rotating it: the link lands on Rotate secret.
  await page.goto('/clients/claims-adjudicator?field=details.secretRotatedAt');
  await expect(page.getByRole('link', { name: 'Rotate secret' })).toBeFocused();

  // A field the form does not show opens the raw JSON tab.
  await page.goto('/clients/claims-adjudicator?field=x-unknown.field');
  await expect(page.getByRole('tab', { name: 'Raw JSON' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Client JSON')).toBeFocused();
  // Afterwards the tabs are the user's again.
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
});
