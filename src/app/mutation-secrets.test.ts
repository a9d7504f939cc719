// A write that carries a secret closes over it (issue 13 §1): after a create or a rotation through
// the app's real query client, no secret is anywhere in the mutation or query cache.
import { clientMutations } from '../api/clients.ts';
import { runMutation } from '../api/run-mutation.ts';
import { installFakeAidbox } from '../testing/render.tsx';
import { createQueryClient } from './query-client.ts';

const SECRET = 'NEW-SECRET-5f0c9e2b7a4d4c1e9b3a';

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

describe('writes carrying a secret close over it', () => {
  it('a create leaves no secret in the mutation or query cache', async () => {
    installFakeAidbox(); // its answer to the create carries the stored secret (`"hashed"`)
    const queryClient = createQueryClient();
    const resource = { resourceType: 'Client' as const, id: 'svc', secret: SECRET };
    await runMutation(queryClient, clientMutations.create(resource), undefined);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
    const text = cacheText(queryClient);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('"hashed"');
  });

  it('a rotation leaves no secret in the mutation cache', async () => {
    installFakeAidbox({ seed: [{ id: 'svc' }] }); // version 1
    const queryClient = createQueryClient();
    const patch = { secret: SECRET, details: { secretRotatedAt: '2026-12-05T00:00:00Z' } };
    await runMutation(queryClient, clientMutations.rotate('svc', patch, '1'), undefined);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
    expect(cacheText(queryClient)).not.toContain(SECRET);
  });

  it('the inspection does find a secret passed as mutation variables (so the checks above can fail)', async () => {
    installFakeAidbox({ seed: [{ id: 'svc' }] }); // version 1
    const queryClient = createQueryClient();
    await runMutation(queryClient, clientMutations.patch(), {
      id: 'svc',
      patch: { secret: SECRET },
      versionId: '1',
    });
    expect(cacheText(queryClient)).toContain(SECRET);
  });
});
