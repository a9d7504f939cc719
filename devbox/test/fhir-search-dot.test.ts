// Aidbox dot expressions (aidbox-api.md §4): the console's Clients filters depend on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import type { Api } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

interface SearchBundle {
  entry: { resource: { id: string } }[];
}

let box: TestDevbox;
let api: Api;

beforeAll(async () => {
  box = await startTestDevbox();
  api = apiFor(box.url, box.rootBasic);
  const clients = [
    { id: 'd-spa', grant_types: ['authorization_code', 'refresh_token'], active: true, name: 'Portal SPA' },
    { id: 'd-legacy', grant_types: ['implicit'], active: false, name: 'Legacy viewer' },
    { id: 'd-backend', grant_types: ['client_credentials'], secret: 'a-long-demo-secret', name: 'Backend' },
  ];
  for (const c of clients) await api('POST', '/fhir/Client', { resourceType: 'Client', ...c });
});
afterAll(() => box.stop());

const own = async (q: string) => {
  const { status, body } = await api<SearchBundle>('GET', `/fhir/Client?_sort=_id&${q}`);
  expect(status).toBe(200);
  return body.entry.map((e) => e.resource.id).filter((id) => id.startsWith('d-'));
};

describe('dot expressions', () => {
  it('$contains matches an element of an array, or a substring of a string', async () => {
    expect(await own('.grant_types$contains=implicit')).toEqual(['d-legacy']);
    expect(await own('.grant_types$contains=refresh_token')).toEqual(['d-spa']);
    expect(await own('.name$contains=spa')).toEqual(['d-spa']);
  });

  it('= compares scalars as text and arrays by membership', async () => {
    expect(await own('.active=false')).toEqual(['d-legacy']);
    expect(await own('.active=true')).toEqual(['d-spa']);
    expect(await own('.grant_types=client_credentials')).toEqual(['d-backend']);
  });

  it('$missing tells stored secrets apart', async () => {
    expect(await own('.secret$missing=false')).toEqual(['d-backend']);
    expect(await own('.secret$missing=true')).toEqual(['d-legacy', 'd-spa']);
  });

  it('combines with other parameters and rejects malformed expressions', async () => {
    expect(await own('.grant_types$contains=implicit&_ilike=portal')).toEqual([]);
    const bad = await api<{ issue: { expression?: string[] }[] }>(
      'GET',
      '/fhir/Client?.secret$missing=maybe',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issue[0]?.expression).toEqual(['.secret$missing']);
    expect((await api('GET', "/fhir/Client?.name'%3Bdrop=1")).status).toBe(400);
  });
});
