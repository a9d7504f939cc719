import { requestUrl } from '../testing/request-url.ts';
import { QueryClient } from '@tanstack/react-query';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { clientQueries, createClient, deleteClient, patchClient } from './clients.ts';
import { AidboxError } from './errors.ts';
import { searchsetBundle } from '../testing/fixtures/bundles.ts';

type Call = { url: URL; init: RequestInit };

function setup(responses: Response[]): Call[] {
  const calls: Call[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: new URL(requestUrl(input)), init: init ?? {} });
    const next = responses.shift();
    return next ? Promise.resolve(next) : Promise.reject(new Error('unexpected fetch'));
  };
  configureAidbox(
    createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: () => Promise.resolve('t'),
      fetch: fetchFn,
    }),
  );
  return calls;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => resetAidbox());

const empty = { resourceType: 'Bundle', type: 'searchset', entry: [] };

describe('clientQueries.list', () => {
  it('searches server-side and passes filters through', async () => {
    const calls = setup([
      json(200, {
        resourceType: 'Bundle',
        total: 120,
        link: [{ relation: 'next', url: 'x' }],
        entry: [{ resource: { resourceType: 'Client', id: 'a', secret: 'leak', custom: { kept: 1 } } }],
      }),
    ]);
    const qc = new QueryClient();
    const params = {
      q: ' portal ',
      page: 2,
      count: 25,
      sort: '-_lastUpdated',
      filters: { '.grant_types$contains': 'implicit' },
    };
    const options = clientQueries.list(params);
    expect(options.queryKey).toEqual(['Client', 'list', params]);
    const page = await qc.fetchQuery(options);
    const q = calls[0]?.url.searchParams;
    expect(calls[0]?.url.pathname).toBe('/fhir/Client');
    expect(q?.get('_ilike')).toBe('portal');
    expect(q?.get('_count')).toBe('25');
    expect(q?.get('_page')).toBe('2');
    expect(q?.get('_sort')).toBe('-_lastUpdated');
    expect(q?.get('_elements')).toBe('-secret');
    expect(q?.get('_total')).toBe('accurate');
    expect(q?.get('.grant_types$contains')).toBe('implicit');
    expect(page).toMatchObject({ total: 120, hasNext: true, page: 2 });
    expect(page.clients[0]?.client).toEqual({ resourceType: 'Client', id: 'a', custom: { kept: 1 } });
    expect(
      JSON.stringify(
        qc
          .getQueryCache()
          .getAll()
          .map((x) => x.state.data),
      ),
    ).not.toContain('leak');
  });
});

describe('clientQueries.detail', () => {
  it('keeps hasSecret but never the secret, and reads the version', async () => {
    setup([
      json(200, {
        resourceType: 'Client',
        id: 'a',
        secret: 'hash',
        meta: { versionId: '7' },
        _secret: { extension: [] },
      }),
    ]);
    const qc = new QueryClient();
    const record = await qc.fetchQuery(clientQueries.detail('a'));
    expect(record.hasSecret).toBe(true);
    expect(record.versionId).toBe('7');
    expect('secret' in record.client).toBe(false);
    expect(record.client._secret).toEqual({ extension: [] });
  });
  it('drops a malformed field instead of failing the whole Client', async () => {
    setup([
      json(200, { resourceType: 'Client', id: 'a', grant_types: 'code' }, { etag: 'W/"3"' }),
      json(200, empty),
    ]);
    const record = await new QueryClient().fetchQuery(clientQueries.detail('a'));
    expect(record.invalidFields).toEqual(['grant_types']);
    expect(record.versionId).toBe('3');
  });
});

describe('secret omitted on read', () => {
  it('asks the server once, by _id and $isnull, which Clients of a page hold a secret', async () => {
    const calls = setup([
      json(200, {
        ...searchsetBundle.body,
        entry: [
          { resource: { resourceType: 'Client', id: 'pub' } },
          { resource: { resourceType: 'Client', id: 'conf' } },
          { resource: { resourceType: 'Client', id: 'hash', secret: 'sha256:ab' } },
        ],
      }),
      json(200, { ...empty, entry: [{ resource: { resourceType: 'Client', id: 'conf' } }] }),
    ]);
    const page = await new QueryClient().fetchQuery(clientQueries.list({}));
    expect(page.clients.map((c) => [c.client.id, c.hasSecret])).toEqual([
      ['pub', false],
      ['conf', true],
      ['hash', true],
    ]);
    const q = calls[1]?.url.searchParams;
    expect(q?.get('_id')).toBe('pub,conf');
    expect(q?.get('.secret$isnull')).toBe('false');
    expect(calls).toHaveLength(2);
    expect(page).toMatchObject({ total: 100, hasNext: true });
  });

  it('a page where every Client shows its secret sends no second request', async () => {
    const calls = setup([
      json(200, { ...empty, entry: [{ resource: { resourceType: 'Client', id: 'a', secret: 'x' } }] }),
    ]);
    await new QueryClient().fetchQuery(clientQueries.list({}));
    expect(calls).toHaveLength(1);
  });
});

describe('writes', () => {
  it('createClient POSTs the chosen id; 409 becomes an "exists" error', async () => {
    const calls = setup([
      json(409, { resourceType: 'OperationOutcome', issue: [{ code: 'duplicate', diagnostics: 'exists' }] }),
    ]);
    const err = (await createClient({ resourceType: 'Client', id: 'dup' }).catch(
      (e: unknown) => e,
    )) as AidboxError;
    expect(err).toBeInstanceOf(AidboxError);
    expect(err.reason).toBe('exists');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls).toHaveLength(1);
  });
  it('createClient refuses a server-minted id', async () => {
    setup([json(201, { resourceType: 'Client', id: 'other' })]);
    await expect(createClient({ resourceType: 'Client', id: 'mine' })).rejects.toBeInstanceOf(AidboxError);
  });
  it('patchClient sends a merge patch with If-Match', async () => {
    const calls = setup([
      json(200, { resourceType: 'Client', id: 'a', meta: { versionId: '8' } }),
      json(200, { ...empty, entry: [{ resource: { resourceType: 'Client', id: 'a' } }] }),
    ]);
    const record = await patchClient('a', { description: 'x' }, '7');
    // The answer had no `secret`: whether one is stored is asked of the server (devbox alternate).
    expect(record.hasSecret).toBe(true);
    const headers = new Headers(calls[0]?.init.headers);
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(headers.get('content-type')).toBe('application/merge-patch+json');
    expect(headers.get('if-match')).toBe('W/"7"');
    expect(calls[0]?.init.body).toBe('{"description":"x"}');
    expect(record.versionId).toBe('8');
  });
  it('a 412 or 409 on patch is a version conflict', async () => {
    for (const status of [409, 412]) {
      setup([json(status, { resourceType: 'OperationOutcome', issue: [{ code: 'conflict' }] })]);
      await expect(patchClient('a', { name: 'n' }, '1')).rejects.toMatchObject({
        reason: 'version-conflict',
      });
    }
  });
  it('deleteClient sends If-Match', async () => {
    const calls = setup([new Response(null, { status: 204 })]);
    await deleteClient('a b', '2');
    expect(calls[0]?.url.pathname).toBe('/fhir/Client/a%20b');
    expect(new Headers(calls[0]?.init.headers).get('if-match')).toBe('W/"2"');
  });
});
