import { accessPolicyWithLinks, historyBundle, searchsetBundle } from '../testing/fixtures/bundles.ts';
import { requestUrl } from '../testing/request-url.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { toClientRow } from './client-rows.ts';
import { fetchPolicyHistory, toPolicy, writtenVersions } from './policies.ts';
import { parseLink } from '../domain/matrix.ts';

afterEach(() => resetAidbox());

function serve(body: unknown): URL[] {
  const urls: URL[] = [];
  configureAidbox(
    createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: () => Promise.resolve('t'),
      fetch: (input) => {
        urls.push(new URL(requestUrl(input)));
        return Promise.resolve(
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
        );
      },
    }),
  );
  return urls;
}

const bundle = {
  resourceType: 'Bundle' as const,
  type: 'transaction' as const,
  entry: [
    {
      resource: { resourceType: 'AccessPolicy' as const, id: 'p' },
      request: { method: 'PUT' as const, url: 'AccessPolicy/p', ifMatch: 'W/"1"' },
    },
    {
      resource: { resourceType: 'AccessPolicy' as const, id: 'q' },
      request: { method: 'PUT' as const, url: 'AccessPolicy/q', ifMatch: 'W/"2"' },
    },
    {
      resource: { resourceType: 'AccessPolicy' as const, id: 'r' },
      request: { method: 'PUT' as const, url: 'AccessPolicy/r', ifMatch: 'W/"3"' },
    },
  ],
};

describe('policies API over documented shapes', () => {
  it('reads the written versions of a transaction-response from the resource, the ETag or the Location', () => {
    const answer = {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        {
          resource: { resourceType: 'AccessPolicy', id: 'p', meta: { versionId: '41' } },
          response: { status: '200' },
        },
        { response: { status: '200', etag: 'W/"42"' } },
        { response: { status: '200 OK', location: 'AccessPolicy/r/_history/43' } },
      ],
    };
    expect([...writtenVersions(bundle, answer)]).toEqual([
      ['p', '41'],
      ['q', '42'],
      ['r', '43'],
    ]);
    expect([...writtenVersions(bundle, {})].map(([, v]) => v)).toEqual([undefined, undefined, undefined]);
  });

  it("accepts the history page's Bundle, newest first, deletion entries included", async () => {
    const urls = serve(historyBundle.body);
    const versions = await fetchPolicyHistory('policy-1');
    expect(urls[0]?.pathname).toBe('/fhir/AccessPolicy/policy-1/_history');
    expect(versions.map((v) => v.meta?.versionId)).toEqual(['58', '57', '54']);
    expect(versions[1]?.link?.map(parseLink)).toEqual([['Client', 'client-1']]);
  });

  it("accepts access-policies.md's {resourceType, id} links and a searchset's Client rows", () => {
    const p = toPolicy(accessPolicyWithLinks.body);
    expect(p.link?.map(parseLink)).toEqual([
      ['Operation', 'op-id'],
      ['User', 'user-1'],
      ['Client', 'client-1'],
    ]);
    expect(toClientRow(searchsetBundle.body.entry[0]?.resource)).toMatchObject({
      id: '123',
      grantTypes: ['basic'],
    });
  });
});
