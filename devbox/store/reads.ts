// Reads that need no lock: current version, a past version, history, and whole-type listing.
import { historyTableOf, tableOf } from './schema.ts';
import { ordered } from './sql.ts';
import type { Sql } from './sql.ts';
import type { HistoryEntry, Resource, ResourceType } from './types.ts';

export async function readResource(sql: Sql, type: ResourceType, id: string): Promise<Resource | undefined> {
  const { rows } = await sql.query<{ resource: Resource }>(
    `SELECT resource FROM ${tableOf(type)} WHERE id = $1`,
    [id],
  );
  const r = rows[0]?.resource;
  return r && ordered(r);
}

/** A deleted version reads as undefined, as a deleted resource does. */
export async function vreadResource(
  sql: Sql,
  type: ResourceType,
  id: string,
  versionId: string,
): Promise<Resource | undefined> {
  if (!/^\d{1,18}$/.test(versionId)) return undefined;
  const { rows } = await sql.query<{ resource: Resource }>(
    `SELECT resource FROM ${historyTableOf(type)}
     WHERE id = $1 AND txid = $2::bigint AND status <> 'deleted'`,
    [id, versionId],
  );
  const r = rows[0]?.resource;
  return r && ordered(r);
}

export interface HistoryOptions {
  /** Newest entries to return; all when absent. */
  count?: number;
}

export async function readHistory(
  sql: Sql,
  type: ResourceType,
  id: string | undefined,
  opts: HistoryOptions = {},
): Promise<HistoryEntry[]> {
  const params: unknown[] = [];
  let where = '';
  if (id !== undefined) {
    params.push(id);
    where = 'WHERE id = $1';
  }
  let limit = '';
  if (opts.count !== undefined) {
    params.push(opts.count);
    limit = `LIMIT $${params.length}::int`;
  }
  const { rows } = await sql.query<HistoryEntry>(
    `SELECT resource, status FROM ${historyTableOf(type)} ${where} ORDER BY txid DESC ${limit}`,
    params,
  );
  return rows.map((r) => ({ status: r.status, resource: ordered(r.resource) }));
}

export async function listResources(sql: Sql, type: ResourceType): Promise<Resource[]> {
  const { rows } = await sql.query<{ resource: Resource }>(
    `SELECT resource FROM ${tableOf(type)} ORDER BY id`,
  );
  return rows.map((r) => ordered(r.resource));
}
