// Clients list benchmark (issue 3 §9): navigation → first rows and keystroke → filtered rows (the
// 250 ms search debounce included). First-load JavaScript is measured by e2e/first-load.ts.
import type { Page } from '@playwright/test';
import { CLIENT_ROW_LINK } from '../e2e/first-load.ts';
import { median } from './stats.ts';

const firstRow = (page: Page) => page.locator(CLIENT_ROW_LINK).first();
const RUNS = 5;

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
      [before ?? '', CLIENT_ROW_LINK] as const,
    );
    searches.push(Date.now() - start);
  }
  return {
    clientsFirstRowsMs: median(firstRows),
    clientsSearchMs: median(searches),
    samples: { clientsFirstRowsMs: firstRows, clientsSearchMs: searches },
  };
}
