// A write that carries a secret closes over it (issue 13 §1): after a create or a rotation through
// the app's real query client, no secret is anywhere in the mutation or query cache.
import { clientMutations } from '../api/clients.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from '../api/aidbox-client.ts';
import { runMutation } from '../api/run-mutation.ts';
import { requestUrl } from '../testing/request-url.ts';
import { createQueryClient } from './query-client.ts';

const SECRET = 'NEW-SECRET-5f0c9e2b7a4d4c1e9b3a';

function fakeAidbox(answers: unknown[]): string[] {
  const calls: string[] = [];
  configureAidbox(
    createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: () => Promise.resolve('t'),
      fetch: (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${new URL(requestUrl(input)).pathname}`);
        const body = answers.shift() ?? { resourceType: 'Bundle', type: 'searchset', entry: [] };
        return Promise.resolve(
          new Response(JSON.stringify(body), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      },
    }),
  );
  return calls;
}

/** Everything the QueryClient keeps about mutations and queries, as text. */
function cacheText(queryClient: ReturnType<typeof createQueryClient>): string {
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((m) => ({ state: m.state, meta: m.options.meta, key: m.options.mutationKey }));
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((q) => ({ key: q.queryKey, state: q.state }));
  return JSON.stringify({ mutations, queries });
}

afterEach(() => resetAidbox());

describe('writes carrying a secret close over it', () => {
  it('a create leaves no secret in the mutation or query cache', async () => {
    fakeAidbox([{ resourceType: 'Client', id: 'svc', secret: 'sha256:stored-hash' }]);
    const queryClient = createQueryClient();
    const resource = { resourceType: 'Client' as const, id: 'svc', secret: SECRET };
    await runMutation(queryClient, clientMutations.create(resource), undefined);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
    const text = cacheText(queryClient);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('stored-hash');
  });

  it('a rotation leaves no secret in the mutation cache', async () => {
    fakeAidbox([{ resourceType: 'Client', id: 'svc', meta: { versionId: '3' } }]);
    const queryClient = createQueryClient();
    const patch = { secret: SECRET, details: { secretRotatedAt: '2026-12-05T00:00:00Z' } };
    await runMutation(queryClient, clientMutations.rotate('svc', patch, '2'), undefined);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
    expect(cacheText(queryClient)).not.toContain(SECRET);
  });

  it('the inspection does find a secret passed as mutation variables (so the checks above can fail)', async () => {
    fakeAidbox([{ resourceType: 'Client', id: 'svc', meta: { versionId: '3' } }]);
    const queryClient = createQueryClient();
    await runMutation(queryClient, clientMutations.patch(), {
      id: 'svc',
      patch: { secret: SECRET },
      versionId: '2',
    });
    expect(cacheText(queryClient)).toContain(SECRET);
  });
});
