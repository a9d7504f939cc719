// Aidbox dot expressions as docs/api/rest-api/aidbox-search.md ("Dot expressions") writes their
// SQL: `=` is `resource#>>'{path}' = v`, `$contains` is `ilike '%v%'`, `$isnull` is `IS NULL`,
// and `::type$op` casts and compares. The console's Clients filters depend on them.
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
let alt: TestDevbox;
let altApi: Api;

const clients = [
  {
    id: 'd-spa',
    grant_types: ['authorization_code', 'refresh_token'],
    active: true,
    name: 'Portal SPA',
    details: { rank: 3, since: '2024-03-01T00:00:00Z' },
    contacts: [{ family: 'Johnson' }],
  },
  {
    id: 'd-legacy',
    grant_types: ['implicit'],
    active: false,
    name: 'Legacy viewer',
    details: { rank: 12, since: '2014-06-01T00:00:00Z' },
  },
  { id: 'd-backend', grant_types: ['client_credentials'], secret: 'a-long-demo-secret', name: 'Backend' },
];

beforeAll(async () => {
  box = await startTestDevbox();
  alt = await startTestDevbox({ reading: 'alternate' });
  api = apiFor(box.url, box.rootBasic);
  altApi = apiFor(alt.url, alt.rootBasic);
  for (const c of clients) {
    await api('POST', '/fhir/Client', { resourceType: 'Client', ...c });
    await altApi('POST', '/fhir/Client', { resourceType: 'Client', ...c });
  }
});
afterAll(async () => Promise.all([box.stop(), alt.stop()]));

const search = (a: Api) => async (q: string) => {
  const { status, body } = await a<SearchBundle>('GET', `/fhir/Client?_sort=_id&${q}`);
  expect(status).toBe(200);
  return body.entry.map((e) => e.resource.id).filter((id) => id.startsWith('d-'));
};
const own = (q: string) => search(api)(q);

describe('dot expressions (aidbox-search.md)', () => {
  const s = (q: string) => search(api)(q);

  it('= compares the text at the path: scalars, booleans as true/false, array indices', async () => {
    expect(await s('.active=false')).toEqual(['d-legacy']);
    expect(await s('.active=true')).toEqual(['d-spa']);
    expect(await s('.name=Backend')).toEqual(['d-backend']);
    expect(await s('.contacts.0.family=Johnson')).toEqual(['d-spa']);
    // An array's text is its JSON, so = on an array element does not match (use $contains).
    expect(await s('.grant_types=client_credentials')).toEqual([]);
  });

  it('$contains is a case-insensitive text match on the value at the path (arrays as JSON text)', async () => {
    expect(await s('.name$contains=spa')).toEqual(['d-spa']);
    expect(await s('.contacts.0.family$contains=Joh')).toEqual(['d-spa']);
    expect(await s('.grant_types$contains=implicit')).toEqual(['d-legacy']);
    // The quoted form matches one whole grant: "code" does not match "authorization_code".
    expect(await s(`.grant_types$contains=${encodeURIComponent('"code"')}`)).toEqual([]);
    expect(await s(`.grant_types$contains=${encodeURIComponent('"refresh_token"')}`)).toEqual(['d-spa']);
  });

  it('$isnull tells stored secrets apart', async () => {
    expect(await s('.secret$isnull=false')).toEqual(['d-backend']);
    expect(await s('.secret$isnull=true')).toEqual(['d-legacy', 'd-spa']);
    expect(await s('.contacts$isnull=true')).toEqual(['d-backend', 'd-legacy']);
  });

  it('typed comparisons cast the value at the path (::timestamptz$gt, ::int$ge …)', async () => {
    expect(await s('.details.since::timestamptz$gt=2015-01-01T00:00:00Z')).toEqual(['d-spa']);
    expect(await s('.details.since::timestamptz$lt=2015-01-01T00:00:00Z')).toEqual(['d-legacy']);
    // Numeric, not text, order: 12 > 3.
    expect(await s('.details.rank::int$ge=10')).toEqual(['d-legacy']);
    expect(await s('.details.rank::numeric=3')).toEqual(['d-spa']);
  });

  it('rejects malformed expressions and values that do not fit their type with 400', async () => {
    const bad = await api<{ issue: { expression?: string[] }[] }>('GET', '/fhir/Client?.secret$isnull=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.issue[0]?.expression).toEqual(['.secret$isnull']);
    expect((await api('GET', "/fhir/Client?.name'%3Bdrop=1")).status).toBe(400);
    expect((await api('GET', '/fhir/Client?.details.rank::regclass=1')).status).toBe(400);
    expect((await api('GET', '/fhir/Client?.details.since::timestamptz$gt=not-a-date')).status).toBe(400);
  });

  it('combines with other parameters', async () => {
    expect(await s('.grant_types$contains=implicit&_ilike=portal')).toEqual([]);
    expect(await s('.active=true&.secret$isnull=true')).toEqual(['d-spa']);
  });
});

describe('$missing (undocumented)', () => {
  it('strict reading: honoured like $isnull', async () => {
    expect(await own('.secret$missing=false')).toEqual(['d-backend']);
    expect(await own('.secret$missing=true')).toEqual(['d-legacy', 'd-spa']);
  });
  it('alternate reading: ignored like any parameter Aidbox does not know; $isnull still filters', async () => {
    const s = search(altApi);
    expect(await s('.secret$missing=false')).toEqual(['d-backend', 'd-legacy', 'd-spa']);
    expect(await s('.secret$isnull=false')).toEqual(['d-backend']);
  });
});
