// `npm run bench`: builds the console, then measures it against devbox at scale in Debian's
// Chromium and writes bench/results.json (the README quotes it). Two phases:
// - `--scale 10000,500` (issue 3): first-load JS, Clients list and search; (issue 11) effective access
//   of 200 Clients (followed as a link inside the signed-in console, and from a full page load) and
//   who-can over all 10,000, local evaluator and server cross-check on;
// - `--scale 2000,500` (issue 4 states the matrix targets at that scale): the policy matrix;
// - `--scale 200,50` (issue 7: effective access of 200 Clients): the security review.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium.ts';
import { benchAudit, benchAuditScale } from './audit.ts';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad, signIn } from '../e2e/first-load.ts';
import { benchClientsList } from './clients.ts';
import { benchMatrix } from './matrix.ts';
import { startServers } from './servers.ts';

const ADMIN_PASSWORD = 'bench-admin-password';
const LIST_SCALE = process.env.BENCH_SCALE ?? '10000,500';
const MATRIX_SCALE = process.env.BENCH_MATRIX_SCALE ?? '2000,500';
const AUDIT_SCALE = process.env.BENCH_AUDIT_SCALE ?? '200,50';

async function listPhase(browser: Browser) {
  console.log(`Starting devbox --scale ${LIST_SCALE} (seeding takes a while)…`);
  const t0 = Date.now();
  const servers = await startServers(LIST_SCALE, ADMIN_PASSWORD);
  const devboxStartMs = Date.now() - t0;
  try {
    const page = await browser.newPage();
    const firstLoad = await measureFirstLoad(page, servers.consoleUrl, ADMIN_PASSWORD);
    const list = await benchClientsList(page, servers.consoleUrl);
    // Issue 11 §5: the security review at this scale, on a fresh page (nothing cached in memory).
    await page.close();
    const auditPage = await browser.newPage();
    await signIn(auditPage, servers.consoleUrl, ADMIN_PASSWORD);
    const auditScale = await benchAuditScale(auditPage, servers.consoleUrl);
    await auditPage.close();
    return { devboxStartMs, ...firstLoad, ...list, ...auditScale };
  } finally {
    await servers.stop();
  }
}

async function matrixPhase(browser: Browser) {
  console.log(`Starting devbox --scale ${MATRIX_SCALE} for the matrix…`);
  const servers = await startServers(MATRIX_SCALE, ADMIN_PASSWORD, 1);
  try {
    const page = await browser.newPage();
    await signIn(page, servers.consoleUrl, ADMIN_PASSWORD);
    const matrix = await benchMatrix(page, servers.consoleUrl);
    await page.close();
    return matrix;
  } finally {
    await servers.stop();
  }
}

async function auditPhase(browser: Browser) {
  console.log(`Starting devbox --scale ${AUDIT_SCALE}: effective access of 200 Clients…`);
  const servers = await startServers(AUDIT_SCALE, ADMIN_PASSWORD, 2);
  try {
    const page = await browser.newPage();
    await signIn(page, servers.consoleUrl, ADMIN_PASSWORD);
    const audit = await benchAudit(page, servers.consoleUrl);
    await page.close();
    return audit;
  } finally {
    await servers.stop();
  }
}

/**
 * `BENCH_SKIP=matrix` runs the other phases and keeps the previous run's matrix figures, marked
 * with that run's date (`matrixFrom`), for when the matrix phase cannot run.
 */
const PHASES = new Set(['matrix'].filter((p) => !(process.env.BENCH_SKIP ?? '').split(',').includes(p)));
const previous = (
  existsSync('bench/results.json') ? JSON.parse(readFileSync('bench/results.json', 'utf8')) : {}
) as Record<string, unknown>;

function kept(_phase: 'matrix', from: Record<string, unknown>): Record<string, unknown> {
  const names = ['matrixReadyMs', 'matrixAllRowsMs', 'matrixToggleMs', 'matrixDomCells'];
  return Object.fromEntries(names.map((n) => [n, from[n]]));
}

async function main() {
  console.log('Building the console…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const list = await listPhase(browser);
    const matrix = PHASES.has('matrix') ? await matrixPhase(browser) : kept('matrix', previous);
    const audit = await auditPhase(browser);
    const { samples, initialScripts, ...listFigures } = list;
    const results = {
      date: new Date().toISOString(),
      ...(PHASES.has('matrix') ? {} : { matrixFrom: previous.date }),
      machine: `2 cores, Node ${process.version}`,
      scale: { list: LIST_SCALE, matrix: MATRIX_SCALE, audit: AUDIT_SCALE },
      ...listFigures,
      ...matrix,
      ...audit,
      targets: {
        initialJsGzipBytes: FIRST_LOAD_BUDGET_BYTES,
        matrixReadyMs: 800,
        matrixToggleMs: 50,
        matrixDomCells: 3000,
        auditAllClientsMs: 60_000,
        auditScaleMs: 5_000,
        whoCanAllClientsMs: 10_000,
      },
      detail: { samples, initialScripts },
    };
    writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
