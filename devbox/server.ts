// Starts one devbox: open the database, bootstrap/seed it, listen, serve. Nothing is global, so
// tests run one devbox per file in a single process.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { DevboxConfig, DevboxContext } from './context.ts';
import type { DevboxEnv } from './http/fhir-env.ts';
import { removeMemoryDemoKey } from './seed/demo-smart.ts';
import { ensureBootstrap, seedDemo, seedScale } from './seed/index.ts';
import { defaultConfig, urlFor } from './server-config.ts';
import { openStore } from './store/pglite-store.ts';
import type { DevboxStore } from './store/pglite-store.ts';

export interface RunningDevbox {
  /** Base URL, e.g. http://127.0.0.1:8888 (equals ctx.config.baseUrl). */
  url: string;
  ctx: DevboxContext;
  /** Closes the HTTP server (dropping open connections), then the database. */
  stop(): Promise<void>;
}

const BOOTSTRAPPED = 'bootstrapped';
const SCALE = 'seeded.scale';

async function seed(ctx: DevboxContext, store: DevboxStore): Promise<void> {
  // "Fresh" is recorded only after seeding finished, so a crash mid-seed retries on next start.
  const fresh = (await store.getMeta(BOOTSTRAPPED)) === undefined;
  await ensureBootstrap(ctx, { fresh });
  if (fresh && ctx.config.seed === 'demo') await seedDemo(ctx);
  const scale = ctx.config.scale;
  const scaled = scale && JSON.stringify(await store.getMeta(SCALE)) !== JSON.stringify(scale);
  if (scale && scaled) {
    await seedScale(ctx, scale);
    await store.setMeta(SCALE, scale);
  }
  // Seeding may have loaded thousands of rows; without statistics the planner ignores the indexes.
  if (fresh || scaled) await store.analyze();
  if (fresh) await store.setMeta(BOOTSTRAPPED, { at: new Date().toISOString(), seed: ctx.config.seed });
}

const MAINTENANCE_MS = 60_000;

/**
 * Stands in for autovacuum, which PGlite lacks: without it GIN pending lists grow and statistics
 * go stale, and the planner drops the trigram index for sequential scans. Runs only after writes.
 */
function startMaintenance(store: DevboxStore): NodeJS.Timeout {
  let seen: unknown;
  const timer = setInterval(() => {
    void (async () => {
      const [row] = await store.query('SELECT last_value FROM transaction_id_seq', []);
      if (row?.last_value === seen) return;
      seen = row?.last_value;
      await store.analyze();
    })().catch((err: unknown) => console.warn('devbox: maintenance failed', err));
  }, MAINTENANCE_MS);
  timer.unref();
  return timer;
}

export async function startDevbox(overrides: Partial<DevboxConfig> = {}): Promise<RunningDevbox> {
  // undefined overrides keep the default (except dataDir, where undefined means in memory).
  const given = Object.fromEntries(
    Object.entries(overrides).filter(([k, v]) => v !== undefined || k === 'dataDir'),
  ) as Partial<DevboxConfig>;
  const config: DevboxConfig = { ...defaultConfig(), ...given };
  config.baseUrl = given.baseUrl ?? urlFor(config.host, config.port);
  const { store } = await openStore({ dataDir: config.dataDir });
  const ctx: DevboxContext = { config, store };
  const ready: { app?: Hono<DevboxEnv> } = {};
  // The app is built after listening, once the real port (port 0 = any free port) and therefore
  // the base URL are known; auth modules may read ctx.config.baseUrl when they are created.
  const server = createAdaptorServer({
    fetch: (req: Request, env: unknown) =>
      ready.app
        ? ready.app.fetch(req, env as DevboxEnv['Bindings'])
        : new Response('starting', { status: 503 }),
    hostname: config.host,
  });
  try {
    await seed(ctx, store);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  config.port = port;
  if (given.baseUrl === undefined) config.baseUrl = urlFor(config.host, port);
  ready.app = createApp(ctx);
  const maintenance = startMaintenance(store);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(maintenance);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and streaming connections would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
      await removeMemoryDemoKey(ctx);
    })();
    return stopping;
  };
  return { url: config.baseUrl, ctx, stop };
}
