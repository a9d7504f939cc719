import { QueryClient } from '@tanstack/react-query';
import { sessionResource, sessionSearchset } from '../testing/fixtures/session.ts';
import { requestUrl } from '../testing/request-url.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { runMutation } from './run-mutation.ts';
import { fetchClientSessions, sessionMutations, type RevokeTally } from './sessions.ts';

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

describe('sessionMutations.revokeAll', () => {
  it('tries every Session even after a failure, reports progress, and invalidates Sessions once', async () => {
    const deleted: string[] = [];
    configureAidbox(
      createAidboxClient({
        baseUrl: 'http://box',
        getAccessToken: () => Promise.resolve('t'),
        fetch: (input, init) => {
          const path = new URL(requestUrl(input)).pathname;
          deleted.push(`${init?.method ?? 'GET'} ${path}`);
          const status = path.endsWith('/s2') ? 403 : 204;
          return Promise.resolve(new Response(null, { status }));
        },
      }),
    );
    const options = sessionMutations.revokeAll();
    const progress: RevokeTally[] = [];
    const tally = await runMutation(new QueryClient(), options, {
      ids: ['s1', 's2', 's3'],
      onProgress: (t) => progress.push(t),
    });
    expect(deleted).toEqual([
      'DELETE /fhir/Session/s1',
      'DELETE /fhir/Session/s2',
      'DELETE /fhir/Session/s3',
    ]);
    expect(tally).toEqual({ done: 2, failed: 1, total: 3 });
    expect(progress.map((t) => t.done + t.failed)).toEqual([1, 2, 3]);
    expect(options.meta?.invalidates).toEqual([['Session']]);
  });
});
