// The one global invalidation (architecture §4): a mutation's `meta.invalidates` refetches every
// query under those keys, and nothing else. Component tests also run on this query client.
import { MutationObserver, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from './query-client.ts';

describe('createQueryClient', () => {
  it('invalidates what a successful mutation names in meta, and only that', async () => {
    const queryClient = createQueryClient();
    const reads = { Client: 0, AccessPolicy: 0 };
    const watch = (type: keyof typeof reads) =>
      new QueryObserver(queryClient, {
        queryKey: [type, 'detail', 'x'],
        queryFn: () => ++reads[type],
      }).subscribe(() => undefined);
    const stop = [watch('Client'), watch('AccessPolicy')];
    await expect.poll(() => reads).toEqual({ Client: 1, AccessPolicy: 1 });

    const write = (fail: boolean) =>
      new MutationObserver(queryClient, {
        mutationFn: () => (fail ? Promise.reject(new Error('refused')) : Promise.resolve('ok')),
        meta: { invalidates: [['Client']] },
      }).mutate();
    await write(false);
    // Stale time is 30 s: only the invalidation can explain a second read.
    expect(reads).toEqual({ Client: 2, AccessPolicy: 1 });
    await expect(write(true)).rejects.toThrow('refused');
    expect(reads).toEqual({ Client: 2, AccessPolicy: 1 });
    stop.forEach((s) => s());
    queryClient.clear();
  });
});
