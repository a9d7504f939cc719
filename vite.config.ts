import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// react-router 7 maps every import condition to dist/development (remix-run/react-router#12532,
// #14753); the production build it also ships drops the dev-only warnings. Builds use it; `vite`
// dev keeps the development build and its warnings. See docs/decisions/0004-first-load-budget.md.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
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
    // when an admin types their own secret in the rotation wizard. The first load has its own gate
    // (e2e/size-gate.spec.ts, docs/decisions/0092).
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is fetched on every page anyway: keep it in the
        // entry chunk instead of letting shared-with-lazy-route modules (React, zod, the API layer)
        // split off into a second always-loaded chunk. One request and ~0.6 KB gzip less.
        codeSplitting: {
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
