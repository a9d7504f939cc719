// Every registration rule of security.md §2 / issue 3 §7, each with a rejected and an accepted
// example, typed into the real editor and checked against what devbox stored.
import type { Page } from '@playwright/test';
import { readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const GOOD = 'https://rules.example.com/callback';

function publicSpa(id: string) {
  return {
    resourceType: 'Client',
    id,
    name: 'Rules target',
    grant_types: ['authorization_code', 'refresh_token'],
    auth: {
      authorization_code: {
        redirect_uri: GOOD,
        pkce: true,
        token_format: 'jwt',
        access_token_expiration: 600,
        refresh_token: true,
        refresh_token_expiration: 28800,
      },
    },
  };
}

/** Counts PATCHes of this Client: a rejected value must never reach Aidbox. */
function patchCounter(page: Page, id: string) {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().endsWith(`/Client/${id}`)) n++;
  });
  return () => n;
}

async function saveAccepted(page: Page, id: string) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/Client/${id}`),
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the fields marked above' })).toHaveCount(0);
  // The editor adopts the saved version once the save's follow-up reads are done; typing before
  // that would be reset, so wait for the network to settle before the next value.
  await page.waitForLoadState('networkidle');
}

const REJECTED: [string, RegExp][] = [
  ['http://app.example.com/cb', /https is required/],
  ['https://*.example.com/cb', /Wildcards are not allowed — register each exact redirect URI/],
  ['https://app.example.com/cb#frag', /must not contain a fragment/],
  ['https://app.example.com/cb#', /must not contain a fragment/],
  ['https://good.example@evil.example/cb', /user name or password/],
  ['https://evil.example\\@good.example/cb', /backslash/],
  ['javascript:alert(1)', /"javascript:" is an illegal scheme/],
  ['JaVaScRiPt:alert(1)', /"javascript:" is an illegal scheme/],
  [' javascript:alert(1)', /illegal scheme/],
  ['data:text/html,<script>alert(1)</script>', /"data:" is an illegal scheme/],
  ['vbscript:msgbox(1)', /"vbscript:" is an illegal scheme/],
  ['file://server/share/cb', /"file:" is an illegal scheme/],
  ['https://app.example.com/cb?code=x', /Remove the "code" query parameter/],
  ['https://app.example.com/cb?state=y', /Remove the "state" query parameter/],
  ['/cb', /must be absolute/],
  ['myapp:/cb', /custom scheme "myapp:" must be a reverse domain name/],
];

const ACCEPTED: [string, RegExp | null][] = [
  ['https://App.example.com/cb/', null],
  ['http://127.0.0.1:8400/cb', /only for a native/],
  ['http://[::1]/cb', /only for a native/],
  ['https://аpp.example.com/cb', /xn--pp-6kc\.example\.com/],
];

test('redirect URIs: each forbidden form is refused on its field, each allowed one is stored byte for byte', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-rules-uri');
  await seed(publicSpa(id));
  const patches = patchCounter(page, id);
  await signIn(page, `/clients/${id}`);
  const code = page.getByRole('group', { name: 'Authorization code settings' });
  const uri = code.getByLabel('Redirect URI');
  await expect(uri).toHaveValue(GOOD);

  for (const [value, message] of REJECTED) {
    await uri.fill(value);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(uri, value).toHaveAttribute('aria-invalid', 'true');
    await expect(uri, value).toHaveAccessibleDescription(message);
    await expect(page.getByRole('alert').filter({ hasText: 'Fix the fields marked above' })).toBeVisible();
  }
  expect(patches()).toBe(0);
  expect((await readResource('Client', id))?.auth).toMatchObject({
    authorization_code: { redirect_uri: GOOD },
  });

  for (const [value, warning] of ACCEPTED) {
    // Known issue (closing note, stop 15): the editor can adopt the saved version after the next
    // value is typed, resetting it; type again until the field holds it.
    await expect(async () => {
      await uri.fill(value);
      await expect(uri).toHaveValue(value, { timeout: 1_000 });
      if (warning) await expect(uri, value).toHaveAccessibleDescription(warning, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await saveAccepted(page, id);
    const stored = (await readResource('Client', id)) as unknown as {
      auth: { authorization_code: { redirect_uri: string } };
    };
    expect(stored.auth.authorization_code.redirect_uri).toBe(value);
    await expect(uri).toHaveValue(value);
  }
});

test('loopback http is for native apps only when a Client is created', async ({ page, cleanup }) => {
  const spa = uniqueId('e2e-rules-spa');
  const mobile = uniqueId('e2e-rules-mobile');
  await signIn(page, '/clients/new?kind=spa');
  await page.getByLabel('Client id').fill(spa);
  await page.getByLabel('Redirect URI').fill('http://127.0.0.1:8400/cb');
  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page.getByLabel('Redirect URI')).toHaveAccessibleDescription(/https is required/);
  expect(await readResource('Client', spa)).toBeUndefined();

  cleanup('Client', mobile);
  await page.goto('/clients/new?kind=mobile');
  await page.getByLabel('Client id').fill(mobile);
  await page.getByLabel('Redirect URI').fill('http://127.0.0.1:8400/cb');
  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients/${mobile}`);
  expect(await readResource('Client', mobile)).toMatchObject({
    auth: { authorization_code: { redirect_uri: 'http://127.0.0.1:8400/cb', pkce: true } },
  });
});

test('PKCE for public clients, legacy grants behind an override, refresh tokens without expiry warned', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-rules-grants');
  await seed(publicSpa(id));
  const patches = patchCounter(page, id);
  await signIn(page, `/clients/${id}`);
  const save = page.getByRole('button', { name: 'Save changes' });
  const code = page.getByRole('group', { name: 'Authorization code settings' });

  // A public client without PKCE: refused; with PKCE: accepted.
  const pkce = code.getByLabel('Require PKCE');
  await pkce.uncheck();
  await save.click();
  await expect(pkce).toHaveAccessibleDescription(/PKCE is required for public clients/);
  expect(patches()).toBe(0);
  await pkce.check();
  await expect(pkce).not.toHaveAttribute('aria-invalid', 'true');

  // Legacy grants: refused for this Client unless the override is confirmed.
  const grants = page.getByRole('group', { name: 'Grant types' });
  for (const legacy of ['password', 'implicit']) {
    await grants.getByRole('checkbox', { name: legacy, exact: true }).check();
    await save.click();
    await expect(grants).toContainText(`The ${legacy} grant must no longer be used`);
    await expect(grants).toContainText('confirm the legacy override');
    expect(patches()).toBe(0);
    if (legacy === 'password')
      await grants.getByRole('checkbox', { name: 'password', exact: true }).uncheck();
  }
  await page
    .getByRole('group', { name: 'Implicit grant settings (legacy)' })
    .getByLabel('Redirect URI')
    .fill('https://rules.example.com/implicit');
  await grants.getByRole('checkbox', { name: /I need this legacy grant/ }).check();
  await expect(grants).toContainText('Enabled by an explicit legacy override');
  await saveAccepted(page, id);
  expect((await readResource('Client', id))?.grant_types).toContain('implicit');

  // Refresh tokens without an absolute lifetime: allowed, with the warning on the field.
  const lifetime = code.getByLabel('Refresh token lifetime (seconds)');
  await expect(async () => {
    await lifetime.fill('');
    await expect(lifetime).toHaveAccessibleDescription(/Aidbox treats a missing value as never expiring/, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await saveAccepted(page, id);
  const stored = (await readResource('Client', id)) as unknown as {
    auth: { authorization_code: Record<string, unknown> };
  };
  expect(stored.auth.authorization_code.refresh_token).toBe(true);
  expect(stored.auth.authorization_code).not.toHaveProperty('refresh_token_expiration');
  await expect(async () => {
    await lifetime.fill('3600');
    await expect(lifetime).not.toHaveAccessibleDescription(/never expiring/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
