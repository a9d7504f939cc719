// `npm run bench`: builds the console, starts devbox with `--scale 10000,500`, drives Debian's
// Chromium and writes bench/results.json. Figures are medians of several runs; the README quotes them.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium.ts';
import { startServers } from './servers.ts';

const ADMIN_PASSWORD = 'bench-admin-password';
const RUNS = 5;
const scale = process.env.BENCH_SCALE ?? '10000,500';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] ?? NaN);
}

async function signIn(page: Page, consoleUrl: string) {
  await page.goto(`${consoleUrl}/clients`);
  await page.getByLabel(/user ?name|login/i).fill('admin');
  await page.getByLabel(/password/i).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  await page.waitForURL(`${consoleUrl}/clients**`);
}

// The first row's link in the Clients table (the loading skeleton has no links).
const ROW_LINK = 'table.cc-table tbody a[data-row-link]';
const firstRow = (page: Page) => page.locator(ROW_LINK).first();

async function main() {
  console.log('Building the console…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  console.log(`Starting devbox --scale ${scale} (seeding takes a while)…`);
  const t0 = Date.now();
  const servers = await startServers(scale, ADMIN_PASSWORD);
  const devboxStartMs = Date.now() - t0;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.url().startsWith(servers.consoleUrl) && r.request().resourceType() === 'script')
        scripts.add(new URL(r.url()).pathname);
    });
    await signIn(page, servers.consoleUrl);
    await firstRow(page).waitFor();
    // Initial JS = every script the browser fetched to sign in and show the Clients list.
    const initialJsGzipBytes = [...scripts].reduce(
      (n, p) => n + gzipSync(readFileSync(`dist${p}`), { level: 9 }).length,
      0,
    );

    const firstRows: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = Date.now();
      await page.goto(`${servers.consoleUrl}/clients`);
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

    const results = {
      date: new Date().toISOString(),
      scale,
      machine: '2 cores, Node ' + process.version,
      devboxStartMs,
      initialJsGzipBytes,
      clientsFirstRowsMs: median(firstRows),
      clientsSearchMs: median(searches),
      samples: { clientsFirstRowsMs: firstRows, clientsSearchMs: searches },
    };
    writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    await servers.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
