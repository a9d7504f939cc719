// Smoke test of the production setup: the build served by Debian's nginx with the configuration
// scripts/nginx-config.ts generates (run by scripts/test.ts with E2E_NGINX=1; skipped otherwise).
// Signs in through it; the fixtures fail the test on any CSP or Trusted Types violation.
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

test.skip(!E2E.nginx, 'runs only in the nginx step of npm test (E2E_NGINX=1)');

test('nginx serves the console with the production headers, and sign-in works through it', async ({
  page,
  request,
}) => {
  const shell = await request.get('/clients?q=portal');
  expect(shell.status()).toBe(200);
  expect(shell.headers()['server']).toMatch(/^nginx/);
  const csp = shell.headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`connect-src 'self' ${E2E.devboxUrl}`);
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(shell.headers()['referrer-policy']).toBe('no-referrer');
  expect(shell.headers()['cache-control']).toBe('no-store');

  const config = await request.get('/config.json');
  expect(config.headers()['cache-control']).toBe('no-store');
  expect(await config.json()).toMatchObject({ aidboxUrl: E2E.devboxUrl, clientId: E2E.consoleClientId });
  expect((await request.get('/callback')).headers()['cross-origin-opener-policy']).toBe('unsafe-none');
  expect((await request.get('/assets/missing-0000.js')).status()).toBe(404);

  const assets: string[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/assets/') && res.url().startsWith(E2E.consoleUrl))
      assets.push(res.headers()['cache-control'] ?? '');
  });
  // A deep link (SPA fallback), through Aidbox's login page and /callback, back to the same view.
  await signIn(page, '/clients?q=portal');
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients?q=portal`);
  await expect(page.getByRole('link', { name: 'patient-portal', exact: true })).toBeVisible();
  expect(assets.length).toBeGreaterThan(0);
  expect(new Set(assets)).toEqual(new Set(['public, max-age=31536000, immutable']));
});
