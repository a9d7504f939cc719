import { requestUrl } from '../testing/request-url.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { fetchAllClients, fetchFirstClients, fetchSessionsSince } from './audit.ts';

function setup(responses: Response[]): URL[] {
  const calls: URL[] = [];
  const fetchFn = (input: RequestInfo | URL): Promise<Response> => {
    calls.push(new URL(requestUrl(input)));
    const next = responses.shift();
    return next ? Promise.resolve(next) : Promise.reject(new Error('unexpected fetch'));
  };
  configureAidbox(
    createAidboxClient({ baseUrl: 'http://box', getAccessToken: () => Promise.resolve('t'), fetch: fetchFn }),
  );
  return calls;
}

const bundle = (resources: Record<string, unknown>[]) =>
  new Response(
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      entry: resources.map((resource) => ({ resource })),
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

afterEach(() => resetAidbox());

describe('the review sees stored secrets on both readings', () => {
  it('a server that returns secrets (as hashes): one listing, each hash dropped and flagged', async () => {
    const calls = setup([
      bundle([
        { resourceType: 'Client', id: 'a', secret: 'sha256:ab' },
        { resourceType: 'Client', id: 'b' },
      ]),
    ]);
    const clients = await fetchAllClients();
    expect(clients).toEqual([
      { client: { resourceType: 'Client', id: 'a' }, hasSecret: true },
      { client: { resourceType: 'Client', id: 'b' }, hasSecret: false },
    ]);
    expect(calls).toHaveLength(1);
  });

  it('a server that omits secret on read: search by .secret$isnull=false says who holds one', async () => {
    const calls = setup([
      bundle([
        { resourceType: 'Client', id: 'a' },
        { resourceType: 'Client', id: 'b' },
      ]),
      bundle([{ resourceType: 'Client', id: 'b' }]),
    ]);
    const clients = await fetchAllClients();
    expect(clients).toEqual([
      { client: { resourceType: 'Client', id: 'a' }, hasSecret: false },
      { client: { resourceType: 'Client', id: 'b' }, hasSecret: true },
    ]);
    expect(calls[1]?.searchParams.get('.secret$isnull')).toBe('false');
    expect(calls[1]?.searchParams.get('_elements')).toBe('id');
  });

  it('the first n Clients ask only about their own ids', async () => {
    const calls = setup([
      bundle([{ resourceType: 'Client', id: 'x' }]),
      bundle([{ resourceType: 'Client', id: 'x' }]),
    ]);
    expect(await fetchFirstClients(1)).toEqual([
      { client: { resourceType: 'Client', id: 'x' }, hasSecret: true },
    ]);
    expect(calls[1]?.searchParams.get('_id')).toBe('x');
  });
});

describe('Sessions', () => {
  it('read the client link in either documented form', async () => {
    setup([
      bundle([
        { resourceType: 'Session', client: { reference: 'Client/a' }, start: '2026-12-01T00:00:00Z' },
        { resourceType: 'Session', client: { resourceType: 'Client', id: 'b' } },
      ]),
    ]);
    expect(await fetchSessionsSince(new Date('2026-11-01'))).toEqual([
      { client: { reference: 'Client/a' }, start: '2026-12-01T00:00:00Z' },
      { client: { reference: 'Client/b' } },
    ]);
  });
});
