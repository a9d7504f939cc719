// The playground and user identity (issue 14 §10): "sign in as another user" sends prompt=login, so
// the popup asks for credentials even though the admin is logged in to Aidbox; the resulting user
// token serves Userinfo, which is marked as needing a user token and is not offered after a
// client_credentials run.
import { uniqueId } from './api.ts';
import { DEMO_USER_PASSWORDS } from '../devbox/seed/demo-secrets.ts';
import { expect, signIn, test } from './fixtures.ts';

test.use({ actionTimeout: 15_000 });

test('prompt=login asks for another user; Userinfo only for user tokens', async ({ page, seed }) => {
  await signIn(page, '/playground?client=playground-demo&flow=authorization_code&scope=openid');
  await page.getByLabel('Sign in as another user (prompt=login)').check();

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Start authorization (popup)' }).click();
  const popup = await popupPromise;
  await expect(page.getByText(/^GET .*\/auth\/authorize\?.*prompt=login/)).toBeVisible();
  // The admin's Aidbox login session exists, yet the login form is shown: prompt=login reached Aidbox.
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await popup.getByLabel('User name').fill('developer');
  await popup.getByLabel('Password').fill(DEMO_USER_PASSWORDS.developer);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForEvent('close');
  const token = page.getByRole('region', { name: 'Token request (authorization_code)' });
  await expect(token.getByText('HTTP 200', { exact: true })).toBeVisible();

  // Userinfo is marked as a user-token flow and answers for the user who signed in, not the admin.
  const userinfo = page.getByRole('radio', { name: /Userinfo/ });
  await expect(page.locator('label').filter({ has: userinfo })).toContainText('user token');
  await userinfo.check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const info = page.getByRole('region', { name: 'Userinfo' }).last();
  await expect(info.getByText('HTTP 200', { exact: true })).toBeVisible();
  await expect(info).toContainText('developer');
  await expect(info).not.toContainText('"admin"');

  // After a client_credentials run the token has no user: Userinfo is not offered.
  const id = uniqueId('pg-user');
  const secret = `pg-user-secret-${uniqueId('s')}-0123456789abcdef`;
  await seed({
    resourceType: 'Client',
    id,
    secret,
    grant_types: ['client_credentials'],
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 300 } },
  });
  await page.getByLabel('Client id', { exact: true }).fill(id);
  await page.getByLabel('Client secret (confidential Clients)').fill(secret);
  await page.getByRole('radio', { name: 'Client credentials' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const cc = page.getByRole('region', { name: 'Token request (client_credentials)' }).last();
  await expect(cc.getByText('HTTP 200', { exact: true })).toBeVisible();
  await expect(userinfo).toBeDisabled();
  await expect(page.locator('label').filter({ has: userinfo })).toContainText('client_credentials token');
});
