// Token playground (issue 6) against devbox: machine flows, errors shown clearly, the canary secret
// seen only where it belongs, introspection, a 403 explained by policy debug, revocation → 401.
import type { Page, Request } from '@playwright/test';
import { uniqueId } from './api.ts';
import { DEMO_SECRETS, DEMO_USER_PASSWORDS } from '../devbox/seed/demo-secrets.ts';
import { expect, signIn, test } from './fixtures.ts';

function machineClient(id: string, secret: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Client',
    id,
    secret,
    grant_types: ['client_credentials'],
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 300 } },
    ...extra,
  };
}

async function typeSecret(page: Page, secret: string) {
  await page.getByLabel('Client secret (confidential Clients)').fill(secret);
}

/** Every place a request can carry a value: URL, headers (Basic decoded and form-decoded), body. */
function requestCarries(req: Request, value: string): boolean {
  const parts = [req.url(), req.postData() ?? ''];
  for (const [name, v] of Object.entries(req.headers())) {
    parts.push(v);
    if (name === 'authorization' && v.startsWith('Basic ')) {
      parts.push(decodeURIComponent(atob(v.slice(6)).replace(/\+/g, ' ')));
    }
  }
  const body = req.postData() ?? '';
  try {
    parts.push(decodeURIComponent(body.replace(/\+/g, ' ')));
  } catch {
    /* not form-encoded */
  }
  return parts.some((p) => p.includes(value));
}

test('client credentials with a secret containing : % +, the canary stays where it belongs', async ({
  page,
  seed,
  axe,
}) => {
  const canary = `canary:%2B+${uniqueId('s')}`;
  const id = uniqueId('pg-cc');
  await seed(machineClient(id, canary));
  const requests: Request[] = [];
  const consoleText: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('console', (m) => consoleText.push(m.text()));

  await signIn(page, `/playground?client=${id}&flow=client_credentials&path=%2Ffhir%2FClient`);
  await expect(page.getByRole('heading', { name: 'Token playground' })).toBeVisible();
  await expect(page.getByText('A secret typed into a browser is exposed to it')).toBeVisible();

  // Wrong secret first: invalid_client, said plainly with what to check.
  await typeSecret(page, 'wrong-secret');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'invalid_client: client authentication failed' }),
  ).toBeVisible();
  await expect(page.getByText('Aidbox says: “Invalid client credentials”')).toBeVisible();

  await typeSecret(page, canary);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const exchange = page.getByRole('region', { name: 'Token request (client_credentials)' }).last();
  await expect(exchange.getByText('HTTP 200', { exact: true })).toBeVisible();
  // Masked until revealed, per value.
  await expect(exchange.getByText(/^Basic •+ \(\d+ chars\)$/)).toBeVisible();
  await expect(exchange.getByText('curl', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(canary);
  await exchange.getByRole('button', { name: 'Reveal Authorization' }).click();
  await expect(exchange.getByText(/^Basic [A-Za-z0-9+/=]+$/)).toBeVisible();

  // Inspect the access token: decoded, explained, signature verified against the JWKS.
  await exchange.getByRole('button', { name: 'Inspect access_token' }).click();
  await expect(page.getByText('Signature verified (RS256')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'sub' })).toBeVisible();
  await expect(page.getByRole('row', { name: /exp.*Expires at/ })).toContainText(/in \d+ min/);

  // Introspection with the same credentials.
  await page.getByRole('button', { name: 'Introspect this token' }).click();
  const intro = page.getByRole('region', { name: 'Introspection' });
  await expect(intro.getByText('HTTP 200', { exact: true })).toBeVisible();
  await expect(intro.locator('pre').last()).toContainText('"active": true');

  // The API answers 403 (no policy links this Client); dev mode shows the candidate policies.
  await page.getByRole('button', { name: 'Send with the playground token' }).click();
  await expect(
    page.getByRole('region', { name: 'API: GET /fhir/Client' }).getByText('HTTP 403', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Which policy decided' })).toBeVisible();
  await expect(page.getByText(/Denied: none of the \d+ candidate policies/)).toBeVisible();
  const policyLink = page
    .getByRole('table', { name: /eval-result/ })
    .getByRole('link')
    .first();
  await expect(policyLink).toHaveAttribute('href', /^\/policies\/[\w-]+$/);
  await expect(page.getByRole('link', { name: 'Open the policy matrix' })).toHaveAttribute(
    'href',
    '/policies/matrix',
  );
  // The fullest state of the page: exchanges, inspector, introspection and policy debug output.
  await axe(page);

  // The canary went only to the token and introspection endpoints; nowhere else.
  const carriers = requests.filter((r) => requestCarries(r, canary)).map((r) => new URL(r.url()).pathname);
  expect(carriers.length).toBeGreaterThanOrEqual(2);
  expect(new Set(carriers)).toEqual(new Set(['/auth/token', '/auth/introspect']));
  expect(page.url()).not.toContain('canary');
  expect(consoleText.join('\n')).not.toContain(canary);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain('canary');
  expect(page.url()).toContain(`client=${id}`);
});

test('revocation: after DELETE /Session the token gets 401', async ({ page, seed }) => {
  const id = uniqueId('pg-rv');
  const secret = 'rv-secret-0123456789abcdefghij';
  await seed(machineClient(id, secret, { grant_types: ['client_credentials'] }));
  await signIn(page, `/playground?client=${id}&flow=client_credentials&path=%2Ffhir%2FPatient`);
  await typeSecret(page, secret);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page
      .getByRole('region', { name: 'Token request (client_credentials)' })
      .getByText('HTTP 200', { exact: true }),
  ).toBeVisible();

  await page.getByRole('radio', { name: 'Revocation (DELETE /Session)' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Revocation (DELETE /Session)' }).getByText('HTTP 200', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Send with the playground token' }).click();
  await expect(
    page.getByRole('region', { name: 'API: GET /fhir/Patient' }).getByText('HTTP 401', { exact: true }),
  ).toBeVisible();

  // Recent runs of this tab re-open.
  await page.getByRole('button', { name: /client credentials · / }).click();
  await expect(page.getByRole('heading', { name: /Run: client credentials/ })).toBeVisible();
});

test('inactive Client: invalid_client explained', async ({ page, seed }) => {
  const id = uniqueId('pg-off');
  const secret = 'off-secret-0123456789abcdefghij';
  await seed(machineClient(id, secret, { active: false }));
  await signIn(page, `/playground?client=${id}&flow=client_credentials`);
  await expect(page.getByText('This Client is inactive')).toBeVisible();
  await typeSecret(page, secret);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'invalid_client: the Client is inactive' }),
  ).toBeVisible();
});

test('password grant (legacy) and a refresh that rotates the tokens @alternate', async ({ page }) => {
  await signIn(page, '/playground?client=legacy-kiosk&flow=password');
  await expect(page.getByText(/Legacy: the app sees the user’s password/)).toBeVisible();
  await typeSecret(page, DEMO_SECRETS['legacy-kiosk']);
  await page.getByLabel('User name').fill('developer');
  await page.getByLabel('User password').fill(DEMO_USER_PASSWORDS.developer);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Token request (password)' }).getByText('HTTP 200', { exact: true }),
  ).toBeVisible();

  await page.getByRole('radio', { name: 'Refresh token' }).check();
  await expect(page.getByText('Empty: the token from the last run is used.')).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const refresh = page.getByRole('region', { name: 'Token request (refresh_token)' });
  await expect(refresh.getByText('HTTP 200', { exact: true })).toBeVisible();
  await expect(refresh.getByText(/^refresh_token$/).first()).toBeVisible();
});
