// Token playground, redirect flows against devbox's real login and consent pages: the popup path
// through /playground/callback, a PKCE mismatch, and the paste-the-redirect path with state checks.
import { uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { DEMO_USER_PASSWORDS } from '../devbox/seed/demo-secrets.ts';
import { expect, signIn, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The console's admin is already logged in to devbox, so the login form shows only sometimes. */
async function loginAndConsent(popup: Page) {
  const allow = popup.getByRole('button', { name: 'Allow' });
  const signInButton = popup.getByRole('button', { name: 'Sign in' });
  await expect(allow.or(signInButton)).toBeVisible();
  if (await signInButton.isVisible()) {
    await popup.getByLabel('User name').fill('developer');
    await popup.getByLabel('Password').fill(DEMO_USER_PASSWORDS.developer);
    await signInButton.click();
  }
  await allow.click();
}

test('authorization code + PKCE in a popup, then a PKCE mismatch @alternate', async ({ page }) => {
  await signIn(page, '/playground?client=playground-demo&flow=authorization_code&scope=openid');
  await expect(page.getByLabel('Redirect URI')).toHaveValue(`${E2E.consoleUrl}/playground/callback`);

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Start authorization (popup)' }).click();
  const popup = await popupPromise;
  await loginAndConsent(popup);
  await popup.waitForEvent('close');

  const token = page.getByRole('region', { name: 'Token request (authorization_code)' });
  await expect(token.getByText('HTTP 200', { exact: true })).toBeVisible();
  await expect(page.getByText(/Authorization response accepted: state matches/)).toBeVisible();
  await expect(page.getByText(/ID token valid: signature, iss, aud, exp\/iat and nonce/)).toBeVisible();
  await expect(token.getByText(/^code_verifier$/)).toBeVisible();
  await expect(token.getByText(/•+ \(43 chars\)/).first()).toBeVisible();

  // Tamper the verifier: the server's PKCE check fails and the playground says so.
  await page.getByLabel('Send a wrong code_verifier').check();
  const again = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Start authorization (popup)' }).click();
  const second = await again;
  await second.waitForEvent('close'); // the login session and consent are remembered
  await expect(page.getByRole('alert').filter({ hasText: 'invalid_grant: PKCE check failed' })).toBeVisible();
});

test('paste the redirect: another redirect URI, and a replayed or forged state is refused', async ({
  page,
  seed,
  context,
}) => {
  const id = uniqueId('pg-paste');
  const redirect = 'https://app.example.test/cb';
  await seed({
    resourceType: 'Client',
    id,
    first_party: false,
    grant_types: ['authorization_code'],
    auth: {
      authorization_code: { redirect_uri: redirect, pkce: true, token_format: 'jwt', secret_required: false },
    },
  });
  await context.route('https://app.example.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: 'landed' }),
  );
  await signIn(page, `/playground?client=${id}&flow=authorization_code`);
  await expect(page.getByLabel('Redirect URI')).toHaveValue(redirect);

  const tabPromise = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open the authorization page in a new tab' }).click();
  const tab = await tabPromise;
  await loginAndConsent(tab);
  await tab.waitForURL((u) => u.toString().startsWith(redirect));
  const landed = tab.url();
  await tab.close();

  await page.getByLabel('URL you landed on').fill(landed);
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Token request (authorization_code)' })
      .getByText('HTTP 200', { exact: true }),
  ).toBeVisible();

  // The same state again: it was used once and is forgotten.
  await page.getByLabel('URL you landed on').fill(landed);
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'state does not match any authorization' }),
  ).toBeVisible();
  await page
    .getByLabel('URL you landed on')
    .fill(`${redirect}?code=x&state=forged&iss=https%3A%2F%2Fevil.example`);
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'state does not match' }).last()).toBeVisible();
});

test('token inspector: hostile and malformed input is shown as text with a specific message', async ({
  page,
}) => {
  await signIn(page, '/playground');
  const box = page.getByLabel('Token', { exact: true });
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  await box.fill(`${enc({ alg: 'none' })}.${enc({ name: '<svg onload=alert(1)>', exp: 1 })}.`);
  await expect(page.getByText('<svg onload=alert(1)>')).toBeVisible();
  await expect(page.getByText(/unsigned/).first()).toBeVisible();
  await expect(page.getByText('Expired')).toBeVisible();
  await box.fill('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0');
  await expect(page.getByRole('alert')).toContainText('three segments');
  await box.fill(`${enc({ alg: 'RS256' })}.${Buffer.from('not json').toString('base64url')}.c2ln`);
  await expect(page.getByRole('alert')).toContainText('not JSON');
  await box.fill('eyJ' + 'a'.repeat(40_000));
  await expect(page.getByRole('alert')).toContainText('up to 16 KB');
  await box.fill('3f1c2a9e-1d2b.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde');
  await expect(page.getByText('Opaque token')).toBeVisible();
});
