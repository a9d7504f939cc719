import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashClientSecret } from '../auth/secrets.ts';
import { openStore } from '../store/pglite-store.ts';
import type { DevboxStore } from '../store/pglite-store.ts';
import { StoreError } from '../store/types.ts';

let store: DevboxStore;
beforeAll(async () => {
  ({ store } = await openStore({ dataDir: undefined }));
});
afterAll(() => store.close());

describe('Store over PGlite', () => {
  it('transaction: a throw rolls back every write, including history', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.create('Client', { resourceType: 'Client', id: 'st-rb' });
        await tx.update('AccessPolicy', 'st-rb-p', {
          resourceType: 'AccessPolicy',
          id: 'st-rb-p',
          engine: 'allow',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.read('Client', 'st-rb')).toBeUndefined();
    expect(await store.history('AccessPolicy', 'st-rb-p')).toEqual([]);
  });

  it('transaction: writes commit together and nested transactions flatten', async () => {
    await store.transaction(async (tx) => {
      await tx.create('Client', { resourceType: 'Client', id: 'st-a' });
      await tx.transaction((inner) => inner.create('Client', { resourceType: 'Client', id: 'st-b' }));
    });
    expect((await store.list('Client')).map((c) => c.id)).toEqual(expect.arrayContaining(['st-a', 'st-b']));
  });

  it('create throws StoreError(exists); update with stale ifMatch throws version-conflict', async () => {
    const c = await store.create('Client', { resourceType: 'Client', id: 'st-c' });
    await expect(store.create('Client', { resourceType: 'Client', id: 'st-c' })).rejects.toMatchObject({
      kind: 'exists',
    });
    await store.update(
      'Client',
      'st-c',
      { resourceType: 'Client', id: 'st-c', name: 'x' },
      { ifMatch: `W/"${c.meta?.versionId}"` },
    );
    const stale = store.update(
      'Client',
      'st-c',
      { resourceType: 'Client', id: 'st-c' },
      { ifMatch: c.meta?.versionId },
    );
    await expect(stale).rejects.toBeInstanceOf(StoreError);
    await expect(stale).rejects.toMatchObject({ kind: 'version-conflict' });
  });

  it('hashes secrets on every write path and never hashes a hash', async () => {
    const created = await store.create('Client', { resourceType: 'Client', id: 'st-s', secret: 'abc' });
    expect(created.secret).toBe(hashClientSecret('abc'));
    const echoed = await store.update('Client', 'st-s', { ...created, name: 'renamed' });
    expect(echoed.resource.secret).toBe(hashClientSecret('abc'));
    const rows = await store.query(
      'SELECT count(*)::int AS n FROM client_history WHERE id = $1 AND resource::text LIKE $2',
      ['st-s', '%"abc"%'],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('query is parameterised and read-only', async () => {
    const hostile = "x' OR '1'='1";
    const rows = await store.query('SELECT id FROM client WHERE id = $1', [hostile]);
    expect(rows).toEqual([]);
    await expect(store.query("DELETE FROM client WHERE id = 'st-a'", [])).rejects.toThrow(/read-only/);
    expect(await store.read('Client', 'st-a')).toBeDefined();
  });

  it('keeps devbox bookkeeping in the meta table', async () => {
    expect(await store.getMeta('nothing')).toBeUndefined();
    await store.setMeta('seeded', { at: 'now' });
    expect(await store.getMeta('seeded')).toEqual({ at: 'now' });
  });
});

describe('search at scale', () => {
  it('_ilike is answered from the trigram index after a bulk load (3,000 Clients)', async () => {
    const bulk = Array.from({ length: 3_000 }, (_, i) => ({
      resourceType: 'Client',
      id: `bulk-${i}`,
      name: `Bulk app n${i}x`,
    }));
    await store.putMany('Client', bulk);
    await store.analyze();
    const found = await store.search('Client', new URLSearchParams('_ilike=bulk N2999X'));
    expect(found.resources.map((r) => r.id)).toEqual(['bulk-2999']);
    const plan = await store.query('EXPLAIN SELECT 1 FROM client t WHERE t.resource::text ILIKE $1', [
      '%n2999x%',
    ]);
    expect(JSON.stringify(plan)).toContain('client_resource_trgm');
  }, 60_000);
});

describe('putMany (bulk PUT for seeding)', () => {
  it('creates and replaces with versions, history and hashed secrets', async () => {
    await store.putMany('Client', [
      { resourceType: 'Client', id: 'pm-1', secret: 'one' },
      { resourceType: 'Client', id: 'pm-2', name: 'two' },
    ]);
    const first = await store.read('Client', 'pm-1');
    expect(first?.secret).toBe(hashClientSecret('one'));
    await store.putMany('Client', [
      { ...(first ?? { resourceType: 'Client', id: 'pm-1' }), name: 'renamed' },
    ]);
    const second = await store.read('Client', 'pm-1');
    expect(second?.secret).toBe(hashClientSecret('one'));
    expect(Number(second?.meta?.versionId)).toBeGreaterThan(Number(first?.meta?.versionId));
    expect((await store.history('Client', 'pm-1')).map((h) => h.status)).toEqual(['updated', 'created']);
  });

  it('validates every resource and writes nothing when one is invalid', async () => {
    const bad = store.putMany('AccessPolicy', [
      { resourceType: 'AccessPolicy', id: 'pm-ok', engine: 'allow' },
      { resourceType: 'AccessPolicy', id: 'pm-bad', engine: 'nope' },
    ]);
    await expect(bad).rejects.toMatchObject({ kind: 'invalid', expression: ['AccessPolicy.engine'] });
    expect(await store.read('AccessPolicy', 'pm-ok')).toBeUndefined();
  });
});
