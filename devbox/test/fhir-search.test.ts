import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import type { Api } from '../testing/http.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

interface R {
  id: string;
  meta: { versionId: string; lastUpdated: string };
  [k: string]: unknown;
}
interface SearchBundle {
  type: string;
  total?: number;
  link: { relation: string; url: string }[];
  entry: { fullUrl: string; resource: R }[];
}

let box: TestDevbox;
let api: Api;
const NAMES = [
  'Patient Portal',
  'EHR Integration',
  'Analytics Platform',
  'Clinical Viewer',
  'Billing Service',
  'Patient Mobile',
];
let middleTs = '';

beforeAll(async () => {
  box = await startTestDevbox();
  api = apiFor(box.url, box.rootBasic);
  for (const [i, name] of NAMES.entries()) {
    await api('POST', '/fhir/Client', {
      resourceType: 'Client',
      id: `s-${i}`,
      name,
      secret: `secret-${i}`,
      details: { rank: 10 - i },
    });
    if (i === 2) {
      await new Promise((r) => setTimeout(r, 20));
      middleTs = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  await api('POST', '/fhir/Session', {
    resourceType: 'Session',
    id: 'sess-1',
    client: { reference: 'Client/s-0' },
  });
  await api('POST', '/fhir/Session', {
    resourceType: 'Session',
    id: 'sess-2',
    client: { reference: 'Client/s-1' },
  });
});
afterAll(() => box.stop());

const search = async (q: string) => (await api<SearchBundle>('GET', `/fhir/Client?${q}`)).body;
const ids = (b: SearchBundle) => b.entry.map((e) => e.resource.id);
const own = (b: SearchBundle) => ids(b).filter((id) => id.startsWith('s-'));

describe('search', () => {
  it('returns a searchset Bundle with total and absolute links', async () => {
    const b = await search('_id=s-0,s-1,s-2&_count=2&_sort=_id');
    expect(b.type).toBe('searchset');
    expect(b.total).toBe(3);
    expect(ids(b)).toEqual(['s-0', 's-1']);
    const rel = Object.fromEntries(b.link.map((l) => [l.relation, l.url]));
    expect(rel.self).toBe(`${box.url}/fhir/Client?_id=s-0%2Cs-1%2Cs-2&_count=2&_sort=_id&_page=1`);
    expect(rel.first).toContain('_page=1');
    expect(rel.next).toContain('_page=2');
    expect(rel.last).toContain('_page=2');
    expect(rel.previous).toBeUndefined();
    expect(b.entry[0]?.fullUrl).toBe(`${box.url}/fhir/Client/s-0`);
  });

  it('pages with _page and gives previous links', async () => {
    const b = await search('_id=s-0,s-1,s-2&_count=2&_sort=_id&_page=2');
    expect(ids(b)).toEqual(['s-2']);
    expect(b.link.find((l) => l.relation === 'previous')?.url).toContain('_page=1');
    expect(b.link.find((l) => l.relation === 'next')).toBeUndefined();
  });

  it('sorts by _id, -_lastUpdated and dot paths', async () => {
    expect(own(await search('_sort=-_id'))).toEqual(['s-5', 's-4', 's-3', 's-2', 's-1', 's-0']);
    expect(own(await search('_sort=-_lastUpdated'))[0]).toBe('s-5');
    expect(own(await search('_sort=.details.rank'))).toEqual(['s-5', 's-4', 's-3', 's-2', 's-1', 's-0']);
    expect(own(await search('_sort=name'))).toEqual(['s-2', 's-4', 's-3', 's-1', 's-5', 's-0']);
  });

  it('_ilike: space = all terms, comma = alternatives, case-insensitive substring', async () => {
    expect(own(await search('_ilike=patient&_sort=_id'))).toEqual(['s-0', 's-5']);
    expect(own(await search('_ilike=PATIENT mob&_sort=_id'))).toEqual(['s-5']);
    expect(own(await search('_ilike=billing,viewer&_sort=_id'))).toEqual(['s-3', 's-4']);
    expect(own(await search('_ilike=100%25'))).toEqual([]);
  });

  it('_count defaults to 100, is capped at 1000, and 0 returns only the total', async () => {
    expect(await search('_count=0&_id=s-1')).toMatchObject({ total: 1, entry: [] });
    const capped = await search('_count=5000');
    expect(capped.link.find((l) => l.relation === 'self')?.url).toContain('_count=5000');
  });

  it('_elements includes or excludes', async () => {
    const inc = await search('_id=s-0&_elements=name');
    expect(Object.keys(inc.entry[0]?.resource ?? {}).sort()).toEqual(['id', 'meta', 'name', 'resourceType']);
    const exc = await search('_id=s-0&_elements=-secret,-details.rank');
    expect(exc.entry[0]?.resource).not.toHaveProperty('secret');
    expect(exc.entry[0]?.resource).toMatchObject({ name: 'Patient Portal', details: {} });
    const read = await api<R>('GET', '/fhir/Client/s-0?_elements=-secret');
    expect(read.body).not.toHaveProperty('secret');
  });

  it('_total=none omits the total; estimate and accurate give it', async () => {
    expect(await search('_total=none&_id=s-1')).not.toHaveProperty('total');
    expect((await search('_total=estimate&_id=s-1')).total).toBe(1);
    expect((await search('_total=accurate&_id=s-1')).total).toBe(1);
  });

  it('_lastUpdated with prefixes', async () => {
    expect(own(await search(`_lastUpdated=gt${middleTs}&_sort=_id`))).toEqual(['s-3', 's-4', 's-5']);
    expect(own(await search(`_lastUpdated=lt${middleTs}&_sort=_id`))).toEqual(['s-0', 's-1', 's-2']);
    const today = new Date().toISOString().slice(0, 10);
    expect(own(await search(`_lastUpdated=${today}`)).length).toBeGreaterThanOrEqual(0);
    expect(own(await search('_lastUpdated=le2000-01-01'))).toEqual([]);
    expect(own(await search('_lastUpdated=ge2000-01-01&_sort=_id'))).toHaveLength(6);
  });

  it('Session?client= accepts a bare id or Client/id', async () => {
    const bare = (await api<SearchBundle>('GET', '/fhir/Session?client=s-0')).body;
    expect(ids(bare)).toEqual(['sess-1']);
    const ref = (await api<SearchBundle>('GET', '/fhir/Session?client=Client/s-1')).body;
    expect(ids(ref)).toEqual(['sess-2']);
    expect((await api<SearchBundle>('GET', '/fhir/Session?client=nobody')).body.total).toBe(0);
  });

  it('never returns plaintext secrets in search results', async () => {
    const b = await search('_ilike=patient');
    expect(JSON.stringify(b)).not.toMatch(/secret-\d/);
  });
});

describe('indexes', () => {
  it('_ilike can use the trigram index on the resource text', async () => {
    const plan = await box.ctx.store.transaction(async (tx) => {
      // A handful of rows would always be seq-scanned; forbid that to see the index is usable.
      await tx.query('SET LOCAL enable_seqscan = off', []);
      return tx.query('EXPLAIN SELECT 1 FROM client t WHERE t.resource::text ILIKE $1', ['%portal%']);
    });
    expect(JSON.stringify(plan)).toContain('client_resource_trgm');
  });
});
