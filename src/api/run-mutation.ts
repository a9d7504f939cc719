// Runs mutation options built at the moment of the write, through the QueryClient's MutationCache
// (so its global `meta.invalidates` callback applies), for writes whose options close over data
// known only then: a secret is captured by `mutationFn`, never passed as variables, so it never
// lands in the cache's mutation state. It is what `useMutation` does, without a component.
import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query';

export async function runMutation<TData, TVariables>(
  queryClient: QueryClient,
  options: MutationOptions<TData, Error, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const observer = new MutationObserver(queryClient, options);
  try {
    return await observer.mutate(variables);
  } finally {
    observer.reset(); // detach, so the finished mutation can be garbage-collected
  }
}
