import { defineConfig } from '@playwright/test';

import { CHROMIUM_LAUNCH } from './e2e/chromium.ts';
import { E2E } from './e2e/env.ts';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds scripts/test.ts's closing "N passed, N failed" line.
  reporter: [['list'], ['json', { outputFile: E2E.jsonReport }]],
  // Each run of scripts/test.ts keeps its own screenshots of failures.
  outputDir: E2E.outputDir,
  use: {
    baseURL: E2E.consoleUrl,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    // No trace: recording one for every journey costs CPU on the 2-core machine, and CI keeps only
    // the log (the failure's screenshot and error context are still written).
    trace: 'off',
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      command: `npx tsx devbox/main.ts --memory --port ${E2E.devboxPort} --seed demo --reading ${E2E.reading}`,
      url: `${E2E.devboxUrl}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        BOX_ROOT_CLIENT_SECRET: E2E.rootSecret,
        BOX_ADMIN_PASSWORD: E2E.adminPassword,
        BOX_SECURITY_CORS_ORIGINS: E2E.consoleUrl,
        BOX_SECURITY_DEV_MODE: String(E2E.devMode),
        DEVBOX_CONSOLE_URL: E2E.consoleUrl,
        DEVBOX_FAULTS: '1',
      },
    },
    {
      // E2E_NGINX=1: the same build behind nginx with the production configuration (smoke test).
      command: `${E2E.skipBuild ? '' : 'npx vite build --logLevel warn && '}npx tsx scripts/${E2E.nginx ? 'nginx-run' : 'serve'}.ts --port ${E2E.consolePort} --aidbox ${E2E.devboxUrl}`,
      url: E2E.consoleUrl,
      reuseExistingServer: false,
      timeout: 120_000,
      // nginx-run.ts stops nginx gracefully and removes its temporary prefix on SIGTERM.
      ...(E2E.nginx ? { gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 } } : {}),
    },
  ],
});
