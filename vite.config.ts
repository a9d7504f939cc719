import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// react-router 7 maps every import condition to dist/development (remix-run/react-router#12532,
// #14753); the production build it also ships drops the dev-only warnings. Builds use it; `vite`
// dev keeps the development build and its warnings. See docs/decisions/0004-first-load-budget.md.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

const CLIENTS_LIST_MODULES = new RegExp(
  [
    String.raw`/src/features/clients/(clients-list-page|clients-table|list-toolbar|row-menu|list-status|risk-badges|error-text|console-client|client-view)\.tsx?$`,
    String.raw`/src/domain/client-shape\.ts$`,
    String.raw`/@tanstack/(react-query|query-core)/build/modern/(useQuery|useBaseQuery|errorBoundaryUtils|suspense|QueryErrorResetBoundary|IsRestoringProvider|queryObserver)\.js$`,
  ].join('|'),
);

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // No modulepreload list: it names every lazy chunk's dependencies with their hashes in the entry
    // (0.6 KB gzip of the first load, docs/decisions/0004). Without it a lazy screen's shared chunks
    // are fetched once its own chunk is parsed (one more round trip on its first visit); CSS of lazy
    // chunks is still loaded by Vite's helper. The first load has no such dependency to wait for.
    modulePreload: false,
    // The only chunk over Vite's 500 kB default is zxcvbn's dictionaries (≈1.3 MB), loaded lazily
    // when an admin types their own secret in the rotation wizard; the first load is budgeted apart.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is fetched on every page anyway: keep it in the
        // entry chunk instead of letting shared-with-lazy-route modules (React, zod, the API layer)
        // split off into a second always-loaded chunk. One request and ~0.6 KB gzip less.
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            // The home screen (/clients) and what it alone pulls in: one chunk instead of seven
            // (useQuery, the table, its toolbar, ...), which gzip better together; 1.1 KB off
            // the first load. Later screens that share a module load this chunk with it, which they
            // mostly have already. A module missing here only falls back to its own small chunk.
            { name: 'clients-list', test: CLIENTS_LIST_MODULES },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
