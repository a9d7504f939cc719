// Documented FHIR behaviour: CapabilityStatement, POST _search with a form body, conditional
// update and delete (crud/update.md, crud/delete.md), If-None-Match → 304 (other/etag-support.md),
// FHIRPath Patch refused with 422 (crud/patch.md), Session search by access_token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import type { Api } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';
import { basic, putClient, putPolicy, token } from './auth-helpers.ts';

interface R {
  id: string;
  meta: { versionId: string };
  [k: string]: unknown;
}
interface SearchSet {
  total?: number;
  entry?: { resource: R }[];
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
  ...extra,
});

describe('GET /fhir/metadata', () => {
  it('is public and lists the resource types, interactions and search parameters devbox serves', async () => {
    const res = await fetch(`${box.url}/fhir/metadata`);
    expect(res.status).toBe(200);
    const cs = (await res.json()) as {
      resourceType: string;
      fhirVersion: string;
      rest: Record<string, unknown>[];
    };
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    const rest = cs.rest[0] as {
      resource: { type: string; interaction: { code: string }[] }[];
      interaction: unknown;
    };
    expect(rest.resource.map((r) => r.type)).toEqual([
      'Client',
      'AccessPolicy',
      'User',
      'Session',
      'Operation',
    ]);
    const op = rest.resource.find((r) => r.type === 'Operation');
    expect(op?.interaction.map((i) => i.code)).not.toContain('update');
    expect(rest.interaction).toEqual([{ code: 'transaction' }, { code: 'batch' }]);
    expect(JSON.stringify(rest)).toContain(`${box.url}/auth/token`);
  });
});

describe('POST /fhir/<Type>/_search', () => {
  it('takes a form body (merged with URL parameters) and answers like GET', async () => {
    await api('POST', '/fhir/Client', client('srch-a', { name: 'Form search target' }));
    await api('POST', '/fhir/Client', client('srch-b', { name: 'Other' }));
    const res = await fetch(`${box.url}/fhir/Client/_search?_count=10`, {
      method: 'POST',
      headers: { authorization: box.rootBasic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _ilike: 'form search', _elements: 'name' }).toString(),
    });
    expect(res.status).toBe(200);
    const b = (await res.json()) as SearchSet & { type: string };
    expect(b.type).toBe('searchset');
    expect(b.entry?.map((e) => e.resource.id)).toEqual(['srch-a']);
    expect((await api<SearchSet>('GET', '/fhir/Client/_search?_id=srch-b')).body.total).toBe(1);
    const json = await api('POST', '/fhir/Client/_search', { _id: 'srch-a' });
    expect(json.status).toBe(415);
  });

  it("AccessPolicies see the form body's parameters", async () => {
    await putClient(box, { id: 'form-limited', grant_types: ['basic'] }, 'fl-secret');
    await putPolicy(box, {
      id: 'form-limited-owner',
      engine: 'matcho',
      link: [{ reference: 'Client/form-limited' }],
      matcho: { params: { owner: 'me' } },
    });
    const post = (form: Record<string, string>) =>
      fetch(`${box.url}/fhir/Client/_search`, {
        method: 'POST',
        headers: {
          authorization: basic('form-limited', 'fl-secret'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form).toString(),
      });
    expect((await post({ owner: 'me', _id: 'srch-a' })).status).toBe(200);
    expect((await post({ _id: 'srch-a' })).status).toBe(403);
  });
});

describe('conditional update (PUT /fhir/<Type>?search)', () => {
  it('creates on no match (honouring the body id), updates the one match, 412 on several', async () => {
    const created = await api<R>(
      'PUT',
      '/fhir/Client?.name=cond-julie',
      client('cond-julie-id', { name: 'cond-julie' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('cond-julie-id');
    const updated = await api<R>(
      'PUT',
      '/fhir/Client?.name=cond-julie',
      client('ignored-id', { name: 'cond-julie', description: 'updated' }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: 'cond-julie-id', description: 'updated' });
    expect((await api('GET', '/fhir/Client/ignored-id')).status).toBe(404);
    await api('POST', '/fhir/Client', client('cond-twin-1', { name: 'cond-twin' }));
    await api('POST', '/fhir/Client', client('cond-twin-2', { name: 'cond-twin' }));
    const many = await api('PUT', '/fhir/Client?.name=cond-twin', client('x', { name: 'cond-twin' }));
    expect(many.status).toBe(412);
  });
});

describe('conditional delete (DELETE /fhir/<Type>?search)', () => {
  it('204 on no match, deletes one match, 412 on several unless x-conditional-delete: remove-all', async () => {
    expect((await api('DELETE', '/fhir/Client?.name=nobody-has-this')).status).toBe(204);
    await api('POST', '/fhir/Client', client('cdel-1', { name: 'cdel-one' }));
    const one = await api<R>('DELETE', '/fhir/Client?.name=cdel-one');
    expect(one).toMatchObject({ status: 200, body: { id: 'cdel-1' } });
    expect((await api('GET', '/fhir/Client/cdel-1')).status).toBe(410);
    for (const id of ['cdel-m1', 'cdel-m2'])
      await api('POST', '/fhir/Client', client(id, { name: 'cdel-many' }));
    expect((await api('DELETE', '/fhir/Client?.name=cdel-many')).status).toBe(412);
    expect((await api('GET', '/fhir/Client/cdel-m1')).status).toBe(200);
    const all = await api('DELETE', '/fhir/Client?.name=cdel-many', undefined, {
      'x-conditional-delete': 'remove-all',
    });
    expect(all.status).toBe(204);
    expect((await api('GET', '/fhir/Client/cdel-m2')).status).toBe(410);
  });

  it('_no-content=true answers 204 for an instance delete', async () => {
    await api('POST', '/fhir/Client', client('nc-1'));
    expect((await api('DELETE', '/fhir/Client/nc-1?_no-content=true')).status).toBe(204);
    expect((await api('GET', '/fhir/Client/nc-1')).status).toBe(410);
  });
});

describe('If-None-Match (etag-support.md)', () => {
  it('304 without a body for the current version (W/"n" or bare n), 200 once it changed', async () => {
    const c = await api<R>('POST', '/fhir/Client', client('etag-1'));
    const vid = c.body.meta.versionId;
    for (const tag of [`W/"${vid}"`, vid]) {
      const res = await fetch(`${box.url}/fhir/Client/etag-1`, {
        headers: { authorization: box.rootBasic, 'If-None-Match': tag },
      });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(`W/"${vid}"`);
    }
    await api('PATCH', '/fhir/Client/etag-1', { name: 'changed' });
    const changed = await api<R>('GET', '/fhir/Client/etag-1', undefined, { 'If-None-Match': `W/"${vid}"` });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('changed');
  });
});

describe('FHIRPath Patch (patch.md)', () => {
  it('a Parameters body is refused with 422 and nothing is stored', async () => {
    const c = await api<R>('POST', '/fhir/Client', client('fp-1', { name: 'before' }));
    const body = {
      resourceType: 'Parameters',
      parameter: [
        {
          name: 'operation',
          part: [
            { name: 'type', valueCode: 'replace' },
            { name: 'path', valueString: 'Client.name' },
            { name: 'value', valueString: 'after' },
          ],
        },
      ],
    };
    const res = await api('PATCH', '/fhir/Client/fp-1', body);
    expect(res.status).toBe(422);
    const fp = await api('PATCH', '/fhir/Client/fp-1?_method=fhirpath-patch', body);
    expect(fp.status).toBe(422);
    const after = await api<R>('GET', '/fhir/Client/fp-1');
    expect(after.body).not.toHaveProperty('parameter');
    expect(after.body.meta.versionId).toBe(c.body.meta.versionId);
  });
});

describe('Session search parameters (core-module-resources.md)', () => {
  it('access_token finds the Session of a token; client and jti as before', async () => {
    await putClient(box, { id: 'sess-svc', grant_types: ['client_credentials'] }, 'sess-secret');
    const t = await token(box, {
      grant_type: 'client_credentials',
      client_id: 'sess-svc',
      client_secret: 'sess-secret',
    });
    const found = await api<SearchSet>(
      'GET',
      `/fhir/Session?access_token=${encodeURIComponent(String(t.body.access_token))}`,
    );
    expect(found.body.total).toBe(1);
    const session = found.body.entry?.[0]?.resource;
    expect(session?.client).toEqual({ reference: 'Client/sess-svc' });
    expect((await api<SearchSet>('GET', `/fhir/Session?jti=${session?.id}`)).body.total).toBe(1);
    expect((await api<SearchSet>('GET', '/fhir/Session?access_token=not-a-token')).body.total).toBe(0);
  });
});
