// Sign-in, reload, sign-out and re-authentication through devbox's real login page (PKCE).
import type { Page } from '@playwright/test';
import { fhir, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

/** Every access token devbox hands this page, newest last. */
function captureAccessTokens(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', async (res) => {
    if (!res.url().startsWith(`${E2E.devboxUrl}/auth/token`) || res.request().method() !== 'POST') return;
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown };
    if (typeof body.access_token === 'string') seen.push(body.access_token);
  });
  return seen;
}

async function getClientsWith(token: string) {
  const res = await fetch(`${E2E.devboxUrl}/fhir/Client?_count=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

/** URLs of this tab's history entries (CDP), to prove no entry keeps `code`/`state`. */
async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map((e) => e.url);
}

test('deep link survives sign-in, the callback leaves no code or state, and a reload keeps the page @alternate', async ({
  page,
}) => {
  const tokenRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${E2E.devboxUrl}/auth/token`)) tokenRequests.push(r.url());
  });

  await signIn(page, '/clients?q=portal');
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients?q=portal`);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('portal');
  await expect(page.getByRole('link', { name: 'patient-portal', exact: true })).toBeVisible();
  expect(tokenRequests).toHaveLength(1);

  const consoleEntries = (await historyUrls(page)).filter((u) => u.startsWith(E2E.consoleUrl));
  expect(consoleEntries.length).toBeGreaterThan(0);
  for (const url of consoleEntries) expect(url).not.toMatch(/[?&](code|state)=/);
  // The PKCE flow state is gone from sessionStorage once the callback is done.
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.')))).toEqual(
    [],
  );

  // Tokens live in memory only, so a reload is a redirect round trip on Aidbox's login cookie:
  // no password prompt, same page, same query.
  await page.reload();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients?q=portal`);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('portal');
  await expect(page.locator('input[type=password]')).toHaveCount(0);
  expect(tokenRequests).toHaveLength(2);
  for (const url of (await historyUrls(page)).filter((u) => u.startsWith(E2E.consoleUrl)))
    expect(url).not.toMatch(/[?&](code|state)=/);
});

/** The decoded payload of every ID token devbox hands this page, and how many answers had none. */
function captureIdTokens(page: Page) {
  const seen = { withIdToken: [] as Record<string, unknown>[], without: 0 };
  page.on('response', async (res) => {
    if (!res.url().startsWith(`${E2E.devboxUrl}/auth/token`) || res.request().method() !== 'POST') return;
    const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; access_token?: unknown };
    if (typeof body.access_token !== 'string') return;
    if (typeof body.id_token !== 'string') seen.without += 1;
    else
      seen.withIdToken.push(
        JSON.parse(atob(body.id_token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
          string,
          unknown
        >,
      );
  });
  return seen;
}

// Both documented token-response shapes reach the real sign-in (issue 10 §3): with `openid` the
// code grant returns an ID token (on the alternate reading without `nonce` and `kid`); without it,
// none comes back and the identity is read from userinfo (decision 0060).
test('sign-in with an ID token (no nonce on the alternate reading) and with none at all @alternate', async ({
  page,
}) => {
  const ids = captureIdTokens(page);
  await signIn(page, '/clients');
  // The same identity either way: from the ID token here (which carries no name), from userinfo below.
  await expect(page.locator('.topbar-user')).toHaveAttribute('title', 'admin@devbox.local');
  expect(ids.withIdToken).toHaveLength(1);
  const nonce = ids.withIdToken[0]!.nonce;
  if (E2E.reading === 'alternate') expect(nonce).toBeUndefined();
  else expect(typeof nonce).toBe('string');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  // Another browser profile, as far as devbox's login cookie goes: this journey is about the token
  // answer, not about sign-out (its own journey below proves the login ends).
  await page.context().clearCookies();
  // The console configured without `openid`: the same code grant, answered without an ID token.
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...((await res.json()) as object), scopes: 'profile' } });
  });
  await signIn(page, '/clients');
  await expect(page.getByRole('link', { name: 'patient-portal', exact: true })).toBeVisible();
  await expect(page.locator('.topbar-user')).toHaveText('Signed in as Console Admin');
  await expect(page.locator('.topbar-user')).toHaveAttribute('title', 'admin@devbox.local');
  expect(ids.without).toBe(1);
});

test('sign-out revokes the token with DELETE /Session and ends the Aidbox login', async ({ page }) => {
  const accessTokens = captureAccessTokens(page);
  await signIn(page, '/clients');
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  const token = accessTokens.at(-1);
  expect(token, 'an access token came back from /auth/token').toBeTruthy();
  expect(await getClientsWith(token!)).toBe(200);

  const revoke = page.waitForRequest(
    (r) => r.method() === 'DELETE' && r.url() === `${E2E.devboxUrl}/Session`,
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  expect((await revoke).headers()['authorization']).toBe(`Bearer ${token}`);
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/signed-out`);
  await expect.poll(() => getClientsWith(token!)).toBe(401);

  // The Aidbox login session ended too: signing in again asks for the password.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${E2E.devboxUrl}/auth/`));
});

test('a forged or replayed callback says the link is no longer valid, without a token request or a loop', async ({
  page,
}) => {
  const tokenRequests: string[] = [];
  const navigations: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/auth/token')) tokenRequests.push(r.url());
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });

  await page.goto('/callback?code=x&state=y');
  await expect(page.getByRole('heading', { name: 'This sign-in link is no longer valid' })).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/callback`);
  // Still here once the page is idle: nothing navigated on its own.
  await page.waitForLoadState('networkidle');
  expect(navigations.filter((u) => !u.startsWith(`${E2E.consoleUrl}/callback`))).toEqual([]);
  expect(tokenRequests).toEqual([]);

  // An error answer for a state this tab did start is shown as text, literally, never as markup.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  const state = new URL(page.url()).searchParams.get('state');
  expect(state).toBeTruthy();
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  await page.goto(
    `/callback?error=access_denied&error_description=${encodeURIComponent(hostile)}&state=${state}`,
  );
  await expect(page.getByRole('heading', { name: 'Sign-in was not completed' })).toBeVisible();
  await expect(page.getByText(`access_denied: ${hostile}`)).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(tokenRequests).toEqual([]);
  expect(dialogs).toBe(0);
});

test('a broken config.json and an unreachable Aidbox each get a page that names the problem', async ({
  page,
}) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { aidboxUrl: 'not-a-url', clientId: 'aidbox-console', scopes: 'openid' } }),
  );
  await page.goto('/clients');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: /config\.json: "aidboxUrl" is invalid/ })).toBeVisible();
  await expect(alert.getByText('"not-a-url"', { exact: true })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await page.unroute('**/config.json');

  // devbox drops the discovery connection itself (fault injection); the console says which URL.
  await page.route(`${E2E.devboxUrl}/.well-known/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-devbox-fault': 'drop' } }),
  );
  await page.goto('/clients');
  await expect(page.getByRole('heading', { name: 'Aidbox cannot be reached' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(E2E.devboxUrl);
});

test('a session revoked on the server is renewed in a popup and unsaved input survives', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-reauth');
  await seed({
    resourceType: 'Client',
    id,
    name: 'Re-auth target',
    grant_types: ['client_credentials'],
    secret: 'e2e-reauth-secret-0123456789abcdefghij',
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 300 } },
  });
  await signIn(page, `/clients/${id}`);
  const description = page.getByLabel('Description', { exact: true });
  await description.fill('Typed before the session died');

  // An operator revokes every Session of the admin (as an incident response would).
  const sessions = await fhir('GET', 'Session?user=admin&_count=1000');
  const entries = (sessions.json as { entry?: { resource: { id: string } }[] }).entry ?? [];
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries)
    expect((await fhir('DELETE', `Session/${e.resource.id}`)).status).toBeLessThan(300);

  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: /session expired/i });
  await expect(dialog).toBeVisible();

  const popupPromise = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupPromise;
  const password = popup.getByLabel('Password');
  // Aidbox may still hold a login cookie; if not, the popup asks for the password.
  await Promise.race([password.waitFor(), popup.waitForEvent('close')]);
  if (!popup.isClosed()) {
    await popup.getByLabel('User name').fill('admin');
    await password.fill(E2E.adminPassword);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.waitForEvent('close');
  }

  await expect(dialog).toBeHidden();
  await expect(description).toHaveValue('Typed before the session died');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const stored = await fhir('GET', `Client/${id}`);
  expect((stored.json as { description?: string }).description).toBe('Typed before the session died');
});
