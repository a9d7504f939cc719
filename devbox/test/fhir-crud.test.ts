import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashClientSecret, verifyPassword } from '../auth/secrets.ts';
import { apiFor } from '../testing/http.ts';
import type { Api, Outcome } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

interface R {
  resourceType: string;
  id: string;
  meta: { versionId: string; lastUpdated: string };
  [k: string]: unknown;
}

let box: TestDevbox;
let api: Api;
beforeAll(async () => {
  box = await startTestDevbox();
  api = apiFor(box.url, box.rootBasic);
});
afterAll(() => box.stop());

const client = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Client',
  id,
  grant_types: ['client_credentials'],
  ...extra,
});

describe('create / read / vread', () => {
  it('creates with the body id, returns meta, ETag, Last-Modified and Location', async () => {
    const res = await api<R>('POST', '/fhir/Client', client('crud-a', { name: 'A' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ resourceType: 'Client', id: 'crud-a', name: 'A' });
    const vid = res.body.meta.versionId;
    expect(res.headers.get('etag')).toBe(`W/"${vid}"`);
    expect(res.headers.get('location')).toBe(`${box.url}/fhir/Client/crud-a/_history/${vid}`);
    expect(new Date(res.headers.get('last-modified') ?? '').getTime()).not.toBeNaN();
    expect(new Date(res.body.meta.lastUpdated).toISOString()).toBe(res.body.meta.lastUpdated);

    const read = await api<R>('GET', '/fhir/Client/crud-a');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    expect(read.headers.get('etag')).toBe(`W/"${vid}"`);
  });

  it('refuses to overwrite an existing id with 409', async () => {
    await api('POST', '/fhir/Client', client('crud-dup'));
    const res = await api<Outcome>('POST', '/fhir/Client', client('crud-dup', { name: 'other' }));
    expect(res.status).toBe(409);
    expect(res.body.issue[0]).toMatchObject({
      code: 'duplicate',
      diagnostics: "Client 'crud-dup' already exists",
    });
    expect((await api<R>('GET', '/fhir/Client/crud-dup')).body.name).toBeUndefined();
  });

  it('generates an id when the body has none', async () => {
    const res = await api<R>('POST', '/fhir/Client', { resourceType: 'Client' });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[A-Za-z0-9-.]+$/);
  });

  it('reads old versions and 404s unknown ones', async () => {
    const v1 = (await api<R>('POST', '/fhir/Client', client('crud-v', { name: 'one' }))).body;
    await api('PUT', '/fhir/Client/crud-v', client('crud-v', { name: 'two' }));
    const old = await api<R>('GET', `/fhir/Client/crud-v/_history/${v1.meta.versionId}`);
    expect(old.status).toBe(200);
    expect(old.body.name).toBe('one');
    expect((await api('GET', '/fhir/Client/crud-v/_history/999999')).status).toBe(404);
    expect((await api('GET', '/fhir/Client/crud-v/_history/abc')).status).toBe(404);
  });
});

describe('update, patch, delete', () => {
  it('PUT upserts: 201 when new, 200 when replacing; the path id wins', async () => {
    const created = await api<R>('PUT', '/fhir/Client/crud-put', client('ignored', { name: 'x' }));
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('crud-put');
    const replaced = await api<R>('PUT', '/fhir/Client/crud-put', client('crud-put'));
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toBeUndefined();
    expect(Number(replaced.body.meta.versionId)).toBeGreaterThan(Number(created.body.meta.versionId));
  });

  it('If-Match accepts bare and weak versions, 412 on mismatch, * means update-only', async () => {
    const v = (await api<R>('POST', '/fhir/Client', client('crud-im'))).body.meta.versionId;
    const bare = await api<R>('PUT', '/fhir/Client/crud-im', client('crud-im', { name: 'b' }), {
      'If-Match': v,
    });
    expect(bare.status).toBe(200);
    const stale = await api<Outcome>('PUT', '/fhir/Client/crud-im', client('crud-im'), {
      'If-Match': `W/"${v}"`,
    });
    expect(stale.status).toBe(412);
    expect(stale.body.issue[0]).toMatchObject({ code: 'conflict', diagnostics: 'Version Id mismatch' });
    const weak = await api('PUT', '/fhir/Client/crud-im', client('crud-im'), {
      'If-Match': `W/"${bare.body.meta.versionId}"`,
    });
    expect(weak.status).toBe(200);
    expect((await api('PUT', '/fhir/Client/crud-im', client('crud-im'), { 'If-Match': '*' })).status).toBe(
      200,
    );
    expect(
      (await api('PUT', '/fhir/Client/crud-none', client('crud-none'), { 'If-Match': '*' })).status,
    ).toBe(412);
    expect((await api('GET', '/fhir/Client/crud-none')).status).toBe(404);
  });

  it('merge-patch changes only the given paths; null removes', async () => {
    await api(
      'POST',
      '/fhir/Client',
      client('crud-mp', { name: 'n', description: 'd', details: { a: 1, b: 2 } }),
    );
    const res = await api<R>(
      'PATCH',
      '/fhir/Client/crud-mp',
      { description: null, details: { b: null, c: 3 } },
      {
        'Content-Type': 'application/merge-patch+json',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'n', details: { a: 1, c: 3 } });
    expect(res.body.description).toBeUndefined();
    expect(res.body.details).not.toHaveProperty('b');
  });

  it('JSON Patch by content type or array body, with a failing test op → 422 and nothing written', async () => {
    await api('POST', '/fhir/AccessPolicy', {
      resourceType: 'AccessPolicy',
      id: 'crud-jp',
      engine: 'allow',
      link: [],
    });
    const ok = await api<R>(
      'PATCH',
      '/fhir/AccessPolicy/crud-jp',
      [
        { op: 'test', path: '/engine', value: 'allow' },
        { op: 'add', path: '/link/-', value: { reference: 'Client/a' } },
        { op: 'add', path: '/link/-', value: { reference: 'User/b' } },
        { op: 'remove', path: '/link/0' },
      ],
      { 'Content-Type': 'application/json-patch+json' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.link).toEqual([{ reference: 'User/b' }]);
    const failed = await api('PATCH', '/fhir/AccessPolicy/crud-jp', [
      { op: 'test', path: '/engine', value: 'sql' },
      { op: 'replace', path: '/engine', value: 'matcho' },
    ]);
    expect(failed.status).toBe(422);
    expect((await api<R>('GET', '/fhir/AccessPolicy/crud-jp')).body.meta.versionId).toBe(
      ok.body.meta.versionId,
    );
  });

  it('PATCH honours If-Match and 404s a missing resource', async () => {
    const v = (await api<R>('POST', '/fhir/Client', client('crud-pim'))).body.meta.versionId;
    await api('PATCH', '/fhir/Client/crud-pim', { name: 'first' });
    expect((await api('PATCH', '/fhir/Client/crud-pim', { name: 'late' }, { 'If-Match': v })).status).toBe(
      412,
    );
    expect((await api('PATCH', '/fhir/Client/crud-nope', { name: 'x' })).status).toBe(404);
  });

  it('DELETE returns the body, then 204; reads become 410; If-Match is checked', async () => {
    const v = (await api<R>('POST', '/fhir/Client', client('crud-del', { name: 'bye' }))).body.meta.versionId;
    expect((await api('DELETE', '/fhir/Client/crud-del', undefined, { 'If-Match': '1' })).status).toBe(412);
    const del = await api<R>('DELETE', '/fhir/Client/crud-del', undefined, { 'If-Match': `W/"${v}"` });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: 'crud-del', name: 'bye' });
    expect((await api('DELETE', '/fhir/Client/crud-del')).status).toBe(204);
    expect((await api('GET', '/fhir/Client/crud-del')).status).toBe(410);
    // The id is free again after a delete.
    expect((await api('POST', '/fhir/Client', client('crud-del'))).status).toBe(201);
  });

  it('keeps instance and type history newest first, deletions included', async () => {
    await api('POST', '/fhir/User', { resourceType: 'User', id: 'crud-h', email: 'a@x' });
    await api('PATCH', '/fhir/User/crud-h', { email: 'b@x' });
    await api('DELETE', '/fhir/User/crud-h');
    const h = await api<{
      type: string;
      total: number;
      entry: { request: { method: string }; resource?: R }[];
    }>('GET', '/fhir/User/crud-h/_history');
    expect(h.body.type).toBe('history');
    expect(h.body.entry.map((e) => e.request.method)).toEqual(['DELETE', 'PUT', 'POST']);
    expect(h.body.entry[1]?.resource?.email).toBe('b@x');
    const typeLevel = await api<{ entry: { resource?: R }[] }>('GET', '/fhir/User/_history?_count=3');
    expect(typeLevel.body.entry).toHaveLength(3);
  });
});

describe('concurrency', () => {
  it('20 concurrent If-Match updates of one version: exactly one wins, nothing is lost', async () => {
    const v = (await api<R>('POST', '/fhir/Client', client('crud-race'))).body.meta.versionId;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api<R>('PUT', '/fhir/Client/crud-race', client('crud-race', { name: `w${i}` }), {
          'If-Match': `W/"${v}"`,
        }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const now = await api<R>('GET', '/fhir/Client/crud-race');
    expect(now.body.name).toBe(winners[0]?.body.name);
    const history = await api<{ total: number }>('GET', '/fhir/Client/crud-race/_history');
    expect(history.body.total).toBe(2);
  });

  it('concurrent merge-patches without If-Match of different fields all survive', async () => {
    await api('POST', '/fhir/Client', client('crud-patches'));
    const fields = Array.from({ length: 8 }, (_, i) => `f${i}`);
    const results = await Promise.all(
      fields.map((f) => api('PATCH', '/fhir/Client/crud-patches', { details: { [f]: true } })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const details = (await api<R>('GET', '/fhir/Client/crud-patches')).body.details;
    expect(Object.keys(details as object).sort()).toEqual(fields);
  });
});

describe('secrets', () => {
  it('stores Client.secret as sha256 and never returns the plaintext', async () => {
    const res = await api<R>('POST', '/fhir/Client', client('crud-s', { secret: 'plain-secret-1' }));
    expect(res.body.secret).toBe(hashClientSecret('plain-secret-1'));
    expect(JSON.stringify(res.body)).not.toContain('plain-secret-1');
    const history = await api('GET', '/fhir/Client/crud-s/_history');
    expect(JSON.stringify(history.body)).not.toContain('plain-secret-1');
    const rows = await box.ctx.store.query(
      `SELECT count(*)::int AS n FROM client_history WHERE resource::text LIKE $1`,
      ['%plain-secret-1%'],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('a merge-patch that does not touch secret keeps the hash; one that sets it rehashes', async () => {
    await api('POST', '/fhir/Client', client('crud-s2', { secret: 'first' }));
    const kept = await api<R>('PATCH', '/fhir/Client/crud-s2', { name: 'renamed' });
    expect(kept.body.secret).toBe(hashClientSecret('first'));
    const rotated = await api<R>('PATCH', '/fhir/Client/crud-s2', { secret: 'second' });
    expect(rotated.body.secret).toBe(hashClientSecret('second'));
  });

  it('PUT replaces the whole resource: an omitted secret is dropped', async () => {
    await api('POST', '/fhir/Client', client('crud-s3', { secret: 'x' }));
    const put = await api<R>('PUT', '/fhir/Client/crud-s3', client('crud-s3'));
    expect(put.body.secret).toBeUndefined();
  });

  it('keeps _secret vault references unchanged through create, patch and put', async () => {
    const _secret = {
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
        { url: 'http://health-samurai.io/fhir/secret-reference', valueString: 'client-secret' },
      ],
    };
    const created = await api<R>(
      'POST',
      '/fhir/Client',
      client('crud-vault', { _secret, custom: { x: [1] } }),
    );
    expect(created.body._secret).toEqual(_secret);
    const patched = await api<R>('PATCH', '/fhir/Client/crud-vault', { name: 'v' });
    expect(patched.body).toMatchObject({ _secret, custom: { x: [1] } });
    expect(patched.body.secret).toBeUndefined();
  });

  it('hashes User.password with scrypt', async () => {
    const res = await api<R>('POST', '/fhir/User', {
      resourceType: 'User',
      id: 'crud-u',
      password: 'pw-123456',
    });
    expect(res.body.password).toMatch(/^\$s0\$/);
    expect(verifyPassword('pw-123456', res.body.password)).toBe(true);
  });
});
