// Writes shared by the list's row menu and the editor. Invalidation is declared in `meta` and done
// by the app's one MutationCache callback (architecture §4). The list loads this module only when
// a row action is used (docs/decisions/0004-first-load-budget.md).
import { MutationObserver, useMutation, type QueryClient } from '@tanstack/react-query';
import { clientMutationMeta, deleteClient, patchClient, setClientActive } from '../../api/clients.ts';
import type { JsonObject } from '../../model/json.ts';

type SetActiveVariables = { id: string; active: boolean; versionId: string };

const setActiveOptions = {
  mutationFn: (v: SetActiveVariables) => setClientActive(v.id, v.active, v.versionId),
  meta: clientMutationMeta,
};

export function useSetActive() {
  return useMutation(setActiveOptions);
}

/** The same mutation from an event handler, for a click that needs no component of its own. */
export async function setActiveNow(queryClient: QueryClient, variables: SetActiveVariables) {
  const observer = new MutationObserver(queryClient, setActiveOptions);
  try {
    return await observer.mutate(variables);
  } finally {
    observer.reset(); // detach, so the finished mutation can be garbage-collected
  }
}

export function useDeleteClient() {
  return useMutation({
    mutationFn: (v: { id: string; versionId: string }) => deleteClient(v.id, v.versionId),
    meta: clientMutationMeta,
  });
}

export function usePatchClient() {
  return useMutation({
    mutationFn: (v: { id: string; patch: JsonObject; versionId: string }) =>
      patchClient(v.id, v.patch, v.versionId),
    meta: clientMutationMeta,
  });
}
