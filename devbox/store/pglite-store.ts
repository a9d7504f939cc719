// The Store over PGlite. PGlite is a single connection: its transaction() holds the connection for
// the whole callback, which is what makes check-and-write atomic and serializes writers.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { putMany } from './bulk.ts';
import { listResources, readHistory, readResource, vreadResource } from './reads.ts';
import type { HistoryOptions } from './reads.ts';
import { schemaSql } from './schema.ts';
import { initdbSnapshot } from './snapshot.ts';
import { searchResources } from './search.ts';
import type { Sql } from './sql.ts';
import { RESOURCE_TYPES } from './types.ts';
import type { HistoryEntry, Resource, ResourceType, Store } from './types.ts';
import { createResource, deleteResource, updateResource } from './writes.ts';

/** The Store plus devbox-internal extras (seeding bookkeeping, history paging). */
export interface DevboxStore extends Store {
  history(type: ResourceType, id?: string, opts?: HistoryOptions): Promise<HistoryEntry[]>;
  /** Small key/value table for devbox's own bookkeeping, e.g. whether demo data was seeded. */
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Bulk create-or-replace for large seeds; same validation, hashing and history as update. */
  putMany(type: ResourceType, resources: Resource[]): Promise<void>;
  /** Refreshes planner statistics (VACUUM ANALYZE). PGlite runs no autovacuum: call after bulk loads. */
  analyze(): Promise<void>;
  transaction<T>(fn: (tx: DevboxStore) => Promise<T>): Promise<T>;
}

type RunTx = <T>(fn: (sql: Sql) => Promise<T>) => Promise<T>;

function makeStore(sql: Sql, runTx: RunTx, close: () => Promise<void>, inTx: boolean): DevboxStore {
  const store: DevboxStore = {
    read: (type, id) => readResource(sql, type, id),
    vread: (type, id, vid) => vreadResource(sql, type, id, vid),
    create: (type, resource) => runTx((tx) => createResource(tx, type, resource)),
    update: (type, id, resource, opts) => runTx((tx) => updateResource(tx, type, id, resource, opts)),
    putMany: (type, resources) => runTx((tx) => putMany(tx, type, resources)),
    delete: (type, id, opts) => runTx((tx) => deleteResource(tx, type, id, opts)),
    history: (type, id, opts) => readHistory(sql, type, id, opts),
    search: (type, params) => searchResources(sql, type, params),
    list: (type) => listResources(sql, type),
    query: async (text, params) => {
      if (inTx) return (await sql.query<Record<string, unknown>>(text, params)).rows;
      return runTx(async (tx) => {
        // The sql policy engine only reads; a policy that tries to write fails instead of writing.
        await tx.query('SET TRANSACTION READ ONLY');
        return (await tx.query<Record<string, unknown>>(text, params)).rows;
      });
    },
    getMeta: async (key) => {
      const { rows } = await sql.query<{ value: unknown }>('SELECT value FROM devbox_meta WHERE key = $1', [
        key,
      ]);
      return rows[0]?.value;
    },
    setMeta: async (key, value) => {
      await sql.query(
        `INSERT INTO devbox_meta (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [key, JSON.stringify(value)],
      );
    },
    analyze: async () => {
      // VACUUM cannot run inside a transaction; there ANALYZE alone is the best we can do.
      await sql.query(inTx ? 'ANALYZE' : 'VACUUM ANALYZE');
    },
    transaction: (fn) => runTx((tx) => fn(txStore(tx))),
    close,
  };
  return store;
}

/** Inside a transaction every call runs on the transaction; nested transactions flatten into it. */
function txStore(tx: Sql): DevboxStore {
  const inline: RunTx = (fn) => fn(tx);
  return makeStore(tx, inline, () => Promise.resolve(), true);
}

export interface OpenStoreOptions {
  /** Directory for the database files; undefined keeps everything in memory. */
  dataDir: string | undefined;
}

export async function openStore(opts: OpenStoreOptions): Promise<{ store: DevboxStore; fresh: boolean }> {
  // In memory, start from a cached initdb dump instead of running initdb again (snapshot.ts).
  const snapshot = opts.dataDir ? undefined : await initdbSnapshot();
  const db = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(snapshot ? { loadDataDir: snapshot } : {}),
    extensions: { pg_trgm },
  });
  const { rows } = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('public.devbox_meta') IS NOT NULL AS exists`,
  );
  const fresh = !rows[0]?.exists;
  await db.exec(schemaSql(RESOURCE_TYPES));
  const runTx: RunTx = (fn) => db.transaction((tx) => fn(tx));
  let closed = false;
  const store = makeStore(
    db,
    runTx,
    async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
    false,
  );
  return { store, fresh };
}
