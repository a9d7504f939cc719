// Database layout, modelled on Aidbox: one table per resource type holding the current version,
// and `<table>_history` holding every version ever written (deletions included), keyed by txid.
// Table names are fixed here, never taken from input, so they are safe to interpolate into SQL.
import type { ResourceType } from './types.ts';

const TABLES: Record<ResourceType, string> = {
  Client: 'client',
  AccessPolicy: 'accesspolicy',
  User: '"user"',
  Session: 'session',
  Operation: 'operation',
};

const HISTORY_TABLES: Record<ResourceType, string> = {
  Client: 'client_history',
  AccessPolicy: 'accesspolicy_history',
  User: 'user_history',
  Session: 'session_history',
  Operation: 'operation_history',
};

export function tableOf(type: ResourceType): string {
  return TABLES[type];
}

export function historyTableOf(type: ResourceType): string {
  return HISTORY_TABLES[type];
}

function indexPrefix(type: ResourceType): string {
  return HISTORY_TABLES[type].replace(/_history$/, '');
}

/** Idempotent: runs on every start so an existing data directory is upgraded in place. */
export function schemaSql(types: readonly ResourceType[]): string {
  const parts = [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm;',
    // One sequence for every write, as Aidbox does: versionId is the txid of the write.
    'CREATE SEQUENCE IF NOT EXISTS transaction_id_seq;',
    'CREATE TABLE IF NOT EXISTS devbox_meta (key text PRIMARY KEY, value jsonb NOT NULL);',
  ];
  for (const type of types) {
    const t = tableOf(type);
    const h = historyTableOf(type);
    const p = indexPrefix(type);
    parts.push(
      `CREATE TABLE IF NOT EXISTS ${t} (
        id text PRIMARY KEY,
        txid bigint NOT NULL,
        cts timestamptz NOT NULL,
        ts timestamptz NOT NULL,
        status text NOT NULL,
        resource jsonb NOT NULL);`,
      `CREATE TABLE IF NOT EXISTS ${h} (
        id text NOT NULL,
        txid bigint NOT NULL,
        cts timestamptz NOT NULL,
        ts timestamptz NOT NULL,
        status text NOT NULL,
        resource jsonb NOT NULL,
        PRIMARY KEY (id, txid));`,
      // The expression must match search.ts's `resource::text ILIKE …` for the index to be used.
      // PGlite runs no autovacuum: GIN's pending list is merged only by store.analyze()
      // (VACUUM ANALYZE), which startup and a maintenance timer call; see server.ts.
      `CREATE INDEX IF NOT EXISTS ${p}_resource_trgm ON ${t} USING gin ((resource::text) gin_trgm_ops);`,
      `CREATE INDEX IF NOT EXISTS ${p}_ts ON ${t} (ts, txid);`,
      `CREATE INDEX IF NOT EXISTS ${p}_history_txid ON ${h} (txid);`,
    );
  }
  parts.push(
    `CREATE INDEX IF NOT EXISTS session_client_ref ON session ((resource #>> '{client,reference}'));`,
    `CREATE INDEX IF NOT EXISTS session_client_id ON session ((resource #>> '{client,id}'));`,
  );
  return parts.join('\n');
}
