import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one worker on the 2-core
    // machine. Both cores it is: the suites are CPU-bound and share nothing across files.
    maxWorkers: 2,
    projects: [
      {
        // Pure logic (domain, api, paths, config, features' helpers) needs no DOM, and its modules
        // hold no state worth resetting: one Node environment and one module graph per worker. A
        // jsdom per file cost ~3 s of CPU each, more than the tests themselves (2026-12-05: these
        // 59 files went from minutes to 20 s of CPU). A file that needs a DOM says so in its first
        // line: `// @vitest-environment jsdom`.
        test: {
          name: 'logic',
          environment: 'node',
          pool: 'threads',
          isolate: false,
          globals: true,
          include: ['src/{domain,api,routes,config,features}/**/*.test.ts'],
          setupFiles: ['src/testing/fresh-state.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          // Worker threads start faster than forked processes: the whole suite took 319 s instead
          // of 369 s on the 2-core machine (2026-12-05), where most of the time is set-up, not tests.
          // One jsdom per worker instead of one per file: 66 s of CPU became 21 s (2026-12-05), and
          // fresh-state.ts gives every file fresh modules and empty storage (shuffled runs pass).
          pool: 'threads',
          isolate: false,
          globals: true,
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/{domain,api,routes,config,features}/**/*.test.ts'],
          setupFiles: ['src/testing/setup.ts', 'src/testing/fresh-state.ts'],
        },
      },
      {
        test: {
          name: 'devbox',
          environment: 'node',
          pool: 'threads',
          include: ['devbox/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
