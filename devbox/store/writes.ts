// Create, update and delete. Every function here must run inside one database transaction (the
// caller provides it): the current row is locked with FOR UPDATE, the If-Match check and the write
// happen in that same transaction, so two writers can never both succeed against one version.
import { randomUUID } from 'node:crypto';
import { validateResource } from '../validate/resource.ts';
import { historyTableOf, tableOf } from './schema.ts';
import { hashSecrets } from './secrets.ts';
import { ordered, parseVersion } from './sql.ts';
import type { Sql } from './sql.ts';
import { StoreError } from './types.ts';
import type { Meta, Resource, ResourceType, WriteOptions } from './types.ts';

/** Aidbox's /fhir format carries the creation time as a meta extension. */
const CREATED_AT_URL = 'ex:createdAt';

interface CurrentRow {
  resource: Resource;
  cts: Date;
}

async function lockCurrent(sql: Sql, type: ResourceType, id: string): Promise<CurrentRow | undefined> {
  const { rows } = await sql.query<CurrentRow>(
    `SELECT resource, cts FROM ${tableOf(type)} WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

function checkIfMatch(type: ResourceType, id: string, current: CurrentRow | undefined, ifMatch?: string) {
  if (ifMatch === undefined) return;
  const expected = parseVersion(ifMatch);
  if (!current) {
    throw new StoreError('version-conflict', `Resource ${type}/${id} does not exist (If-Match: ${ifMatch})`);
  }
  if (expected !== '*' && expected !== current.resource.meta?.versionId) {
    // The exact text the HTTP layer keys the documented conflict OperationOutcome on.
    throw new StoreError('version-conflict', 'Version Id mismatch');
  }
}

export function buildMeta(input: unknown, versionId: string, lastUpdated: string, createdAt: string): Meta {
  const base = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  const { versionId: _v, lastUpdated: _l, extension, ...rest } = base as Record<string, unknown>;
  const others: unknown[] = Array.isArray(extension)
    ? (extension as unknown[]).filter((e) => (e as { url?: unknown } | null)?.url !== CREATED_AT_URL)
    : [];
  return {
    ...rest,
    versionId,
    lastUpdated,
    extension: [...others, { url: CREATED_AT_URL, valueInstant: createdAt }],
  };
}

async function nextTxid(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ txid: string }>(`SELECT nextval('transaction_id_seq')::text AS txid`);
  const txid = rows[0]?.txid;
  if (!txid) throw new Error('transaction_id_seq returned nothing');
  return txid;
}

async function write(
  sql: Sql,
  type: ResourceType,
  body: Resource,
  status: 'created' | 'updated',
  createdAt: Date | undefined,
): Promise<Resource> {
  const txid = await nextTxid(sql);
  const now = new Date();
  const cts = createdAt ?? now;
  const resource: Resource = {
    ...body,
    meta: buildMeta(body.meta, txid, now.toISOString(), cts.toISOString()),
  };
  const values = [body.id, txid, cts.toISOString(), now.toISOString(), status, JSON.stringify(resource)];
  await sql.query(
    `INSERT INTO ${tableOf(type)} (id, txid, cts, ts, status, resource)
     VALUES ($1, $2::bigint, $3::timestamptz, $4::timestamptz, $5, $6::jsonb)
     ON CONFLICT (id) DO UPDATE SET txid = EXCLUDED.txid, ts = EXCLUDED.ts,
       status = EXCLUDED.status, resource = EXCLUDED.resource`,
    values,
  );
  await sql.query(
    `INSERT INTO ${historyTableOf(type)} (id, txid, cts, ts, status, resource)
     VALUES ($1, $2::bigint, $3::timestamptz, $4::timestamptz, $5, $6::jsonb)`,
    values,
  );
  return ordered(resource);
}

function prepare(type: ResourceType, resource: Resource, id: string): Resource {
  const body: Resource = { ...resource, resourceType: resource.resourceType, id };
  validateResource(type, body);
  return hashSecrets(type, body);
}

export async function createResource(sql: Sql, type: ResourceType, resource: Resource): Promise<Resource> {
  const id = typeof resource.id === 'string' && resource.id !== '' ? resource.id : randomUUID();
  const body = prepare(type, resource, id);
  if (await lockCurrent(sql, type, id)) {
    throw new StoreError('exists', `${type} '${id}' already exists`);
  }
  return write(sql, type, body, 'created', undefined);
}

export async function updateResource(
  sql: Sql,
  type: ResourceType,
  id: string,
  resource: Resource,
  opts: WriteOptions = {},
): Promise<{ resource: Resource; created: boolean }> {
  // PUT semantics: the path id wins over the body id (Aidbox ignores the body id on update).
  const body = prepare(type, resource, id);
  const current = await lockCurrent(sql, type, id);
  checkIfMatch(type, id, current, opts.ifMatch);
  const saved = await write(sql, type, body, current ? 'updated' : 'created', current?.cts);
  return { resource: saved, created: !current };
}

export async function deleteResource(
  sql: Sql,
  type: ResourceType,
  id: string,
  opts: WriteOptions = {},
): Promise<Resource | undefined> {
  const current = await lockCurrent(sql, type, id);
  if (!current) return undefined;
  checkIfMatch(type, id, current, opts.ifMatch);
  const txid = await nextTxid(sql);
  const now = new Date();
  const tombstone: Resource = {
    ...current.resource,
    meta: buildMeta(current.resource.meta, txid, now.toISOString(), current.cts.toISOString()),
  };
  await sql.query(`DELETE FROM ${tableOf(type)} WHERE id = $1`, [id]);
  await sql.query(
    `INSERT INTO ${historyTableOf(type)} (id, txid, cts, ts, status, resource)
     VALUES ($1, $2::bigint, $3::timestamptz, $4::timestamptz, 'deleted', $5::jsonb)`,
    [id, txid, current.cts.toISOString(), now.toISOString(), JSON.stringify(tombstone)],
  );
  return ordered(current.resource);
}
