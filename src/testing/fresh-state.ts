// Test files share one environment per worker (vitest.config.ts turns isolation off, which saves a
// jsdom or a module graph per file). What a file leaves behind must not reach the next one: our own
// modules are imported afresh for every file (their caches, the sign-in state, devbox's stores) and
// the browser stores start empty.
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.resetModules();
  // Files in the Node environment have no storage.
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
