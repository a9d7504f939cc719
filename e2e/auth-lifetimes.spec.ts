// Token lifetimes as Aidbox may send them: a token answer without `expires_in` (the alternate
// reading, when the Client sets no lifetime) must cause neither a refresh loop nor a sign-out; a
// short lifetime is renewed on time, also when the refresh answer brings no new refresh token
// (alternate: no rotation) or no ID token.
import type { Page } from '@playwright/test';
import { fhir } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const CONSOLE = `Client/${E2E.consoleClientId}`;

async function setLifetime(seconds: number | null) {
  const r = await fhir(
    'PATCH',
    CONSOLE,
    { auth: { authorization_code: { access_token_expiration: seconds } } },
    {
      'content-type': 'application/merge-patch+json',
    },
  );
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}

/** grant_type of every token request this page sends. */
function tokenGrants(page: Page): string[] {
  const grants: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url() === `${E2E.devboxUrl}/auth/token`)
      grants.push(new URLSearchParams(r.postData() ?? '').get('grant_type') ?? '?');
  });
  return grants;
}

test.afterEach(async () => {
  await setLifetime(900); // the bootstrap value
});

test('no expires_in: no refresh loop and no sign-out; a short lifetime renews on time and keeps working @alternate', async ({
  page,
}) => {
  const grants = tokenGrants(page);
  await setLifetime(null);
  await signIn(page, '/clients');
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  // Several seconds and some navigation: the only token request stays the sign-in's.
  await page.waitForTimeout(4_000);
  await page.getByRole('link', { name: 'Policies', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Clients');
  await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  expect(grants).toEqual(['authorization_code']);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // A 4 s token: renewed half-way, again and again, with whatever refresh token Aidbox left us.
  await setLifetime(4);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect
    .poll(() => grants.filter((g) => g === 'refresh_token').length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(3);
  await page.getByRole('searchbox', { name: 'Search' }).fill('portal');
  await expect(page.getByRole('link', { name: 'patient-portal', exact: true })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
