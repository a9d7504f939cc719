// First-load JavaScript (issue 3 §9, issue 13 §6): what a fresh browser fetches to sign in and show
// the first Clients rows, as gzip -9 bytes of the built files in dist/. One function, used by the
// size gate (e2e/size-gate.spec.ts, part of `npm test`) and by `npm run bench` (bench/run.ts), and
// one budget, so the gate and the bench's target cannot drift apart.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** Issue 3 §9: sign-in plus the Clients list in at most 150 KB of gzip JavaScript. */
export const FIRST_LOAD_BUDGET_BYTES = 150_000;

/** The first row's link in the Clients table (the loading skeleton has no links). */
export const CLIENT_ROW_LINK = 'table.cc-table tbody a[data-row-link]';

export interface FirstLoad {
  initialJsGzipBytes: number;
  /** Each counted script's pathname with its gzip -9 size, largest first. */
  initialScripts: { path: string; gzipBytes: number }[];
}

/** Signs in through devbox's login form, starting at the console's /clients. */
export async function signIn(page: Page, consoleUrl: string, password: string) {
  await page.goto(`${consoleUrl}/clients`);
  await page.getByLabel(/user ?name|login/i).fill('admin');
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  await page.waitForURL(`${consoleUrl}/clients**`);
}

// Runs in every document of the page before its scripts. Notes the moment the first Client row
// enters the DOM. A MutationObserver fires right after the commit that inserted the rows, so
// the moment does not depend on how often the test runner polls.
function markFirstRows(selector: string) {
  const w = window as unknown as { __firstRowsAt?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector) === null) return;
    w.__firstRowsAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Signs in on a fresh page and sums gzip -9 of every console script whose fetch started before the
 * first Clients rows entered the DOM (the page that shows them is the /callback document; the
 * earlier /clients document only started the sign-in, with a subset of the same scripts). Sizes
 * come from `distDir`, so the figure is the build's, whatever the server compresses.
 */
export async function measureFirstLoad(
  page: Page,
  consoleUrl: string,
  password: string,
  distDir = 'dist',
): Promise<FirstLoad> {
  await page.addInitScript(markFirstRows, CLIENT_ROW_LINK);
  await signIn(page, consoleUrl, password);
  await page.locator(CLIENT_ROW_LINK).first().waitFor();
  // Resource Timing lists a fetch once it completes: let every started fetch settle first.
  await page.waitForLoadState('networkidle');
  const paths = await page.evaluate((origin) => {
    const rowsAt = (window as unknown as { __firstRowsAt?: number }).__firstRowsAt;
    if (rowsAt === undefined) throw new Error('The first rows were never seen entering the DOM');
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= rowsAt && e.name.startsWith(origin))
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js'));
  }, consoleUrl);
  const initialScripts = [...new Set(paths)]
    .map((path) => ({ path, gzipBytes: gzipSync(readFileSync(`${distDir}${path}`), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const initialJsGzipBytes = initialScripts.reduce((n, s) => n + s.gzipBytes, 0);
  return { initialJsGzipBytes, initialScripts };
}
