// Every main screen on a phone (390 px) and a desktop (1440 px), in light and dark: the page never
// scrolls sideways on the phone, the header collapses into an accessible menu, and axe is clean.
// Read-only visits to the demo data (the e2e devbox runs --seed demo); nothing is written.
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test } from './fixtures.ts';

// A missing control fails in seconds, not at the end of a long multi-screen test.
test.use({ actionTimeout: 15_000 });

interface Screen {
  path: string;
  /** A heading that says the screen has rendered its data. */
  ready: RegExp;
  /** Extra steps to reach the screen's widest state. */
  open?: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { path: '/clients', ready: /^Clients$/ },
  {
    path: '/clients/new',
    ready: /^New Client$/,
    open: async (page) => {
      await page.getByRole('link', { name: /Backend service/ }).click();
      await expect(page.getByLabel('Client id')).toBeVisible();
    },
  },
  { path: '/clients/patient-portal', ready: /^Client patient-portal/ },
  { path: '/policies', ready: /^AccessPolicies$/ },
  { path: '/policies/matrix', ready: /^Policy matrix$/ },
  { path: '/policies/ops-allow-all', ready: /^AccessPolicy ops-allow-all/ },
  { path: '/clients/demo-backend/rotate-secret', ready: /^Rotate the secret of demo-backend/ },
  { path: '/clients/smart-backend-demo/rotate-keys', ready: /^Rotate the keys of smart-backend-demo/ },
  { path: '/playground', ready: /^Token playground$/ },
  { path: '/audit', ready: /^Security findings$/ },
  {
    path: '/audit/access?client=demo-backend',
    ready: /^Effective access$/,
    open: async (page) => {
      await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
    },
  },
  { path: '/audit/who', ready: /^Who can/ },
  { path: '/audit/history/Client/patient-portal', ready: /^History of Client patient-portal/ },
];

/** In-app navigation (the router follows popstate): a full reload per screen would repeat sign-in. */
async function visit(page: Page, screen: Screen) {
  await page.evaluate((path) => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, screen.path);
  await expect(page.getByRole('heading', { level: 1, name: screen.ready })).toBeVisible();
  await screen.open?.(page);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test.describe('at 390 px', () => {
  test.use({ viewport: PHONE });

  // One walk does every check at both widths: a visit costs a render (and, for effective access,
  // an evaluation), so the screens are not walked once per check or per width.
  test('no main screen scrolls sideways, touch targets are at least 24 px, axe is clean at 390 and 1440 px in light and dark', async ({
    page,
    axe,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, '/clients');
    for (const screen of SCREENS) {
      await visit(page, screen);
      expect(await horizontalOverflow(page), `${screen.path} scrolls sideways`).toBeLessThanOrEqual(0);
      // axe's WCAG 2.2 target-size rule is off by default; on a phone it matters at any impact.
      const results = await new AxeBuilder({ page })
        .options({ rules: { 'target-size': { enabled: true } } })
        .analyze();
      const failing = results.violations.filter(
        (v) => v.id === 'target-size' || v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        failing.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
        `${screen.path} at 390 px`,
      ).toEqual([]);
      // Colours come from the same tokens at every width, and the theme changes colours only: the
      // dark theme gets axe's contrast rule, once per screen (the theme follows the system setting
      // live, app/theme.ts).
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await axe(page, ['color-contrast']);
      await page.emulateMedia({ colorScheme: 'light' });
      // The same screen on a desktop: the layout (header, tables, grids) changes, so every rule again.
      await page.setViewportSize(DESKTOP);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await axe(page);
      await page.setViewportSize(PHONE);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    }
    // The open menu exists only here, so it gets both themes.
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await axe(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await axe(page, ['color-contrast']);
  });

  test('the navigation collapses into a menu that works by keyboard', async ({ page }) => {
    await signIn(page, '/clients');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();

    // Escape closes and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Following a link closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Policies' }).click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  test('a wide table scrolls inside its own region with the first column in view', async ({ page }) => {
    await signIn(page, '/clients');
    const region = page.getByRole('region', { name: 'Clients table' });
    await expect(region.getByRole('link', { name: 'patient-portal', exact: true })).toBeVisible();
    const before = await region.getByRole('link', { name: 'patient-portal', exact: true }).boundingBox();
    await region.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await region.getByRole('link', { name: 'patient-portal', exact: true }).boundingBox();
    expect(after?.x).toBe(before?.x);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
