// Where the e2e servers live, and which devbox they run against. Own ports, so e2e never collides
// with `npm start` (8888/5173); E2E_DEVBOX_PORT / E2E_CONSOLE_PORT move them when two suites share
// a machine. scripts/test.ts runs the browser suite in these settings (see WAVES there), side by
// side on distinct ports:
// - strict reading, development mode on: every journey;
// - E2E_READING=alternate: the journeys tagged @alternate, against the other reading of every
//   behaviour Aidbox leaves undocumented (devbox/README.md, "Deviations and choices");
// - E2E_DEV_MODE=false: the journeys tagged @nodev, as on a production Aidbox without
//   development mode (no /auth/test-policy, no __debug);
// - E2E_NGINX=1: only e2e/nginx.spec.ts, with the build served by Debian's nginx from the generated
//   production configuration (scripts/nginx-run.ts) instead of scripts/serve.ts.
const nginx = process.env.E2E_NGINX === '1';
const reading = process.env.E2E_READING === 'alternate' ? 'alternate' : 'strict';
const devMode = process.env.E2E_DEV_MODE !== 'false';
const devboxPort = Number(process.env.E2E_DEVBOX_PORT ?? 8890);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 5190);
/** E2E_SKIP_BUILD=1: serve the dist/ an earlier run built (scripts/test.ts's later runs). */
const skipBuild = process.env.E2E_SKIP_BUILD === '1';
/** Where the JSON report goes; scripts/test.ts gives each run its own file. */
const jsonReport = String(process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'test-results/playwright.json');
/** Traces and screenshots of failures; one directory per run when runs go side by side. */
const outputDir = String(process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e');

export const E2E = {
  nginx,
  skipBuild,
  jsonReport,
  outputDir,
  reading,
  devMode,
  devboxPort,
  consolePort,
  devboxUrl: `http://127.0.0.1:${devboxPort}`,
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  rootSecret: 'e2e-root-secret-0123456789abcdef',
  adminPassword: 'e2e-admin-password',
  consoleClientId: 'aidbox-console',
} as const;
