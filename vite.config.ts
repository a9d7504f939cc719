import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// react-router 7 maps every import condition to dist/development (remix-run/react-router#12532,
// #14753); the production build it also ships drops the dev-only warnings. Builds use it; `vite`
// dev keeps the development build and its warnings. See docs/decisions/0004-first-load-budget.md.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

// The home route's screen (/clients, where sign-in lands). Its chunk takes everything it imports
// that the entry does not (rolldown's groups include dependencies recursively), so the Clients list
// arrives as one file instead of one per module shared with later screens. A rename that misses
// this line fails the build (homeScreenExists), and the size gate (e2e/size-gate.spec.ts) reports
// what any chunking change does to the first load.
const HOME_SCREEN = /[\\/]src[\\/]features[\\/]clients[\\/]clients-list-page\.tsx$/;

/** Fails the build when HOME_SCREEN matches no module, instead of silently chunking differently. */
function homeScreenExists(): Plugin {
  let seen = false;
  return {
    name: 'home-screen-exists',
    apply: 'build',
    moduleParsed(info) {
      if (HOME_SCREEN.test(info.id)) seen = true;
    },
    buildEnd(error) {
      if (!error && !seen)
        this.error(`No module matches HOME_SCREEN (${String(HOME_SCREEN)}) in vite.config.ts`);
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), homeScreenExists()],
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
            { name: 'clients-list', test: HOME_SCREEN },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
