// Writes shared by the list's row menu and the editor. Invalidation is declared in `meta` and done
// by the app's one MutationCache callback (architecture §4). The list loads this module only when
// a row action is used.
import { useMutation, type QueryClient } from '@tanstack/react-query';
import { clientMutations, type SetActiveVariables } from '../../api/clients.ts';
import { runMutation } from '../../api/run-mutation.ts';

export function useSetActive() {
  return useMutation(clientMutations.setActive());
}

/** The same mutation from an event handler, for a click that needs no component of its own. */
export function setActiveNow(queryClient: QueryClient, variables: SetActiveVariables) {
  return runMutation(queryClient, clientMutations.setActive(), variables);
}

export function useDeleteClient() {
  return useMutation(clientMutations.remove());
}

export function usePatchClient() {
  return useMutation(clientMutations.patch());
}
