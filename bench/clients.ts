// Clients list benchmark (issue 3 §9): first-load JavaScript, navigation → first rows, and
// keystroke → filtered rows (the 250 ms search debounce included).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { median } from './stats.ts';

// The first row's link in the Clients table (the loading skeleton has no links).
const ROW_LINK = 'table.cc-table tbody a[data-row-link]';
const firstRow = (page: Page) => page.locator(ROW_LINK).first();
const RUNS = 5;

export async function signIn(page: Page, consoleUrl: string, password: string) {
  await page.goto(`${consoleUrl}/clients`);
  await page.getByLabel(/user ?name|login/i).fill('admin');
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  await page.waitForURL(`${consoleUrl}/clients**`);
}

/** Signs in on a fresh page and sums gzip -9 of every script fetched until the first rows show. */
export async function benchFirstLoad(page: Page, consoleUrl: string, password: string) {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.url().startsWith(consoleUrl) && r.request().resourceType() === 'script') {
      scripts.add(new URL(r.url()).pathname);
    }
  });
  await signIn(page, consoleUrl, password);
  await firstRow(page).waitFor();
  const initialJsGzipBytes = [...scripts].reduce(
    (n, p) => n + gzipSync(readFileSync(`dist${p}`), { level: 9 }).length,
    0,
  );
  return { initialJsGzipBytes, initialScripts: [...scripts].sort() };
}

export async function benchClientsList(page: Page, consoleUrl: string) {
  const firstRows: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = Date.now();
    await page.goto(`${consoleUrl}/clients`);
    await firstRow(page).waitFor();
    firstRows.push(Date.now() - start);
  }

  const searches: number[] = [];
  const search = page.getByRole('searchbox');
  for (const term of ['scale-client-0042', 'analytics', 'mobile', 'billing', 'scale-client-09']) {
    await search.fill('');
    await firstRow(page).waitFor();
    const before = await firstRow(page).textContent();
    const start = Date.now();
    await search.fill(term);
    await page.waitForFunction(
      ([prev, sel]) => {
        const row = document.querySelector(sel);
        return (row !== null && row.textContent !== prev) || document.querySelector('.cc-empty') !== null;
      },
      [before ?? '', ROW_LINK] as const,
    );
    searches.push(Date.now() - start);
  }
  return {
    clientsFirstRowsMs: median(firstRows),
    clientsSearchMs: median(searches),
    samples: { clientsFirstRowsMs: firstRows, clientsSearchMs: searches },
  };
}
