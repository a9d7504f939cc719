import { sessionResource, sessionSearchset } from '../testing/fixtures/session.ts';
import { requestUrl } from '../testing/request-url.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { fetchClientSessions } from './sessions.ts';

afterEach(() => resetAidbox());

describe('fetchClientSessions', () => {
  it('accepts the documented Session (string scope, {resourceType, id} references) and drops token hashes', async () => {
    const urls: URL[] = [];
    configureAidbox(
      createAidboxClient({
        baseUrl: 'http://box',
        getAccessToken: () => Promise.resolve('t'),
        fetch: (input) => {
          urls.push(new URL(requestUrl(input)));
          return Promise.resolve(
            new Response(JSON.stringify(sessionSearchset.body), {
              headers: { 'content-type': 'application/json' },
            }),
          );
        },
      }),
    );
    const page = await fetchClientSessions('webapp');
    expect(urls[0]?.searchParams.get('client')).toBe('webapp');
    expect(page.total).toBe(1);
    expect(page.sessions[0]).toMatchObject({
      id: 'session-1',
      scope: sessionResource.body.scope,
      client: { resourceType: 'Client', id: 'webapp' },
      exp: sessionResource.body.exp,
    });
    expect(JSON.stringify(page)).not.toContain('(hash)');
  });
});
