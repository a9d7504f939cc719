// `npm test`: every gate the README promises, in one run, ending with the line CI reads:
// "N passed, N failed". Typecheck, lint and format are counted as one check each; unit, devbox
// contract and browser tests are counted per test from their JSON reports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const only = process.argv.slice(2);
const wanted = (step: string) => only.length === 0 || only.includes(step);

// Minutes since the start on every command line, so a slow step shows in CI's log.
const started = Date.now();
const elapsed = () => `[${((Date.now() - started) / 60_000).toFixed(1)} min]`;

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n${elapsed()} $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

mkdirSync('test-results', { recursive: true });

/** A command whose output is held back and printed whole, so two running side by side stay readable. */
function quiet(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => {
      console.log(`\n${elapsed()} $ ${cmd} ${args.join(' ')}\n${output.trimEnd()}`);
      resolve(code ?? 1);
    });
  });
}

async function quietGate(name: string, cmd: string, args: string[]): Promise<void> {
  const ok = (await quiet(cmd, args)) === 0;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  total[ok ? 'passed' : 'failed'] += 1;
}

// tsc, eslint, prettier and the console's build each keep about one core busy, so they run in two
// lanes on the 2-core machine: eslint alone (typed rules) takes about as long as the five
// typechecks, prettier and the build together (2026-12-05). The browser runs use that build.
let built = false;
const typecheckLane = async () => {
  if (wanted('typecheck'))
    for (const p of ['.', 'devbox', 'e2e', 'bench', 'scripts'])
      await quietGate(`typecheck ${p}`, 'npx', ['tsc', '-p', p]);
  if (wanted('format')) await quietGate('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
  if (wanted('e2e')) built = (await quiet('npx', ['vite', 'build', '--logLevel', 'warn'])) === 0;
};
const styleLane = async () => {
  if (wanted('lint')) await quietGate('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
};
await Promise.all([typecheckLane(), styleLane()]);

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
// development mode (e2e/env.ts), then the production smoke test: the same build behind Debian's
// nginx with the generated configuration (e2e/nginx.spec.ts); nginx is installed first when missing.
// The console is built once; each run has its own devbox (fresh demo data), console server, ports
// and artifacts. Runs go one after another: side by side on two cores every journey took about 2.5
// times as long (measured 2026-12-05), so running them together saved nothing.
interface E2eRun {
  name: string;
  env: Record<string, string>;
  args: string[];
}
const RUNS: E2eRun[] = [
  { name: 'strict', env: {}, args: [] },
  { name: 'alternate', env: { E2E_READING: 'alternate' }, args: ['--grep', '@alternate'] },
  { name: 'nodev', env: { E2E_DEV_MODE: 'false' }, args: ['--grep', '@nodev'] },
  { name: 'nginx', env: { E2E_NGINX: '1' }, args: ['e2e/nginx.spec.ts'] },
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

/** One Playwright run on its own ports, counted from its JSON report. */
function playwright(r: E2eRun, slot: number) {
  const out = `test-results/playwright-${r.name}.json`;
  rmSync(out, { force: true });
  const code = run('npx', ['playwright', 'test', ...r.args], {
    ...r.env,
    E2E_SKIP_BUILD: '1',
    E2E_DEVBOX_PORT: String(8890 + slot * 10),
    E2E_CONSOLE_PORT: String(5190 + slot * 10),
    E2E_OUTPUT_DIR: `test-results/e2e-${r.name}`,
    PLAYWRIGHT_JSON_OUTPUT_FILE: out,
  });
  const rep = readJson(out) as { stats: { expected: number; unexpected: number; flaky: number } } | undefined;
  if (rep) {
    total.passed += rep.stats.expected + rep.stats.flaky;
    total.failed += rep.stats.unexpected;
  }
  if (!rep || (code !== 0 && rep.stats.unexpected === 0)) total.failed += 1;
}

if (wanted('e2e')) {
  if (!built) {
    console.log('FAIL build: the browser suite needs a build');
    total.failed += 1;
  } else {
    for (const [slot, r] of RUNS.entries()) {
      if (r.name === 'nginx' && !ensureNginx()) {
        console.log('FAIL nginx smoke test: nginx is missing and could not be installed');
        total.failed += 1;
      } else playwright(r, slot);
    }
  }
}

console.log(`\n${elapsed()} done`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
