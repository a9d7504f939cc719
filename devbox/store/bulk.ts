// Bulk PUT for large seeds (--scale): the same validation, secret hashing, versioning and history
// as updateResource, but a few multi-row statements per chunk instead of three per resource.
// Must run inside a transaction, like writes.ts.
import { validateResource } from '../validate/resource.ts';
import { historyTableOf, tableOf } from './schema.ts';
import { hashSecrets } from './secrets.ts';
import type { Sql } from './sql.ts';
import type { Resource, ResourceType } from './types.ts';
import { buildMeta } from './writes.ts';

const CHUNK = 1000;

interface Row {
  id: string;
  txid: string;
  cts: string;
  ts: string;
  status: 'created' | 'updated';
  resource: Resource;
}

async function putChunk(sql: Sql, type: ResourceType, chunk: Resource[]): Promise<void> {
  const bodies = chunk.map((r) => {
    const body = { ...r };
    validateResource(type, body);
    return hashSecrets(type, body);
  });
  const ids = bodies.map((b) => b.id);
  const { rows: existing } = await sql.query<{ id: string; cts: Date }>(
    `SELECT id, cts FROM ${tableOf(type)} WHERE id = ANY($1::text[]) FOR UPDATE`,
    [ids],
  );
  const createdAt = new Map(existing.map((e) => [e.id, e.cts.toISOString()]));
  const { rows: txids } = await sql.query<{ txid: string }>(
    `SELECT nextval('transaction_id_seq')::text AS txid FROM generate_series(1, $1::int)`,
    [bodies.length],
  );
  const now = new Date().toISOString();
  const rows: Row[] = bodies.map((body, i) => {
    const txid = txids[i]?.txid ?? '';
    const cts = createdAt.get(body.id) ?? now;
    return {
      id: body.id,
      txid,
      cts,
      ts: now,
      status: createdAt.has(body.id) ? 'updated' : 'created',
      resource: { ...body, meta: buildMeta(body.meta, txid, now, cts) },
    };
  });
  const json = JSON.stringify(rows);
  const select = `SELECT id, txid::bigint, cts::timestamptz, ts::timestamptz, status, resource
    FROM jsonb_to_recordset($1::jsonb)
      AS x(id text, txid text, cts text, ts text, status text, resource jsonb)`;
  await sql.query(
    `INSERT INTO ${tableOf(type)} (id, txid, cts, ts, status, resource) ${select}
     ON CONFLICT (id) DO UPDATE SET txid = EXCLUDED.txid, ts = EXCLUDED.ts,
       status = EXCLUDED.status, resource = EXCLUDED.resource`,
    [json],
  );
  await sql.query(`INSERT INTO ${historyTableOf(type)} (id, txid, cts, ts, status, resource) ${select}`, [
    json,
  ]);
}

/** PUT semantics for every resource (ids required); duplicates within one call are an error. */
export async function putMany(sql: Sql, type: ResourceType, resources: Resource[]): Promise<void> {
  for (let i = 0; i < resources.length; i += CHUNK) {
    await putChunk(sql, type, resources.slice(i, i + CHUNK));
  }
}
