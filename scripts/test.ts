// `npm test`: every gate the README promises, in one run, ending with the line CI reads:
// "N passed, N failed". Typecheck, lint and format are counted as one check each; unit, devbox
// contract and browser tests are counted per test from their JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const only = process.argv.slice(2);
const wanted = (step: string) => only.length === 0 || only.includes(step);

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function gate(name: string, cmd: string, args: string[]) {
  const ok = run(cmd, args) === 0;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  total[ok ? 'passed' : 'failed'] += 1;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

mkdirSync('test-results', { recursive: true });

if (wanted('typecheck')) {
  for (const p of ['.', 'devbox', 'e2e', 'bench', 'scripts']) gate(`typecheck ${p}`, 'npx', ['tsc', '-p', p]);
}
if (wanted('lint')) gate('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (wanted('format')) gate('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);

if (wanted('unit')) {
  const out = 'test-results/vitest.json';
  rmSync(out, { force: true });
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const r = readJson(out) as { numPassedTests: number; numFailedTests: number } | undefined;
  if (r) {
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests;
  }
  // A crash before any report (or a failing suite with no tests) still fails the run.
  if (!r || (code !== 0 && r.numFailedTests === 0)) total.failed += 1;
}

// The browser suite runs once per devbox setting: every journey on the strict reading with
// development mode on, then the tagged journeys against the alternate reading and without
// development mode (e2e/env.ts). Later runs reuse the first run's build.
// The last run is the production smoke test: the same build behind Debian's nginx with the
// generated configuration (e2e/nginx.spec.ts); nginx is installed first when missing.
const RUNS: { name: string; env: Record<string, string>; grep?: string; files?: string[] }[] = [
  { name: 'strict', env: {} },
  { name: 'alternate', env: { E2E_READING: 'alternate', E2E_SKIP_BUILD: '1' }, grep: '@alternate' },
  { name: 'nodev', env: { E2E_DEV_MODE: 'false', E2E_SKIP_BUILD: '1' }, grep: '@nodev' },
  { name: 'nginx', env: { E2E_NGINX: '1', E2E_SKIP_BUILD: '1' }, files: ['e2e/nginx.spec.ts'] },
];

/** Debian's nginx, installed with apt-get when missing (CI runs as root, like for Chromium). */
function ensureNginx(): boolean {
  if (spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0) return true;
  console.log("\nInstalling Debian's nginx for the production smoke test");
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update', '-qq'], env) === 0 &&
    run('apt-get', ['install', '-y', '-qq', 'nginx'], env) === 0
  );
}

if (wanted('e2e')) {
  for (const r of RUNS) {
    if (r.name === 'nginx' && !ensureNginx()) {
      console.log('FAIL nginx smoke test: nginx is missing and could not be installed');
      total.failed += 1;
      continue;
    }
    const out = `test-results/playwright-${r.name}.json`;
    rmSync(out, { force: true });
    const args = ['playwright', 'test', ...(r.files ?? []), ...(r.grep ? ['--grep', r.grep] : [])];
    const code = run('npx', args, { ...r.env, PLAYWRIGHT_JSON_OUTPUT_FILE: out });
    const rep = readJson(out) as
      { stats: { expected: number; unexpected: number; flaky: number } } | undefined;
    if (rep) {
      total.passed += rep.stats.expected + rep.stats.flaky;
      total.failed += rep.stats.unexpected;
    }
    if (!rep || (code !== 0 && rep.stats.unexpected === 0)) total.failed += 1;
  }
}

console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
