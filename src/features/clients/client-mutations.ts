// Writes shared by the list's row menu and the editor. Invalidation is declared in `meta` and done
// by the app's one MutationCache callback (architecture §4).
import { useMutation } from '@tanstack/react-query';
import { clientMutationMeta, deleteClient, patchClient, setClientActive } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import type { JsonObject } from '../../domain/client-diff.ts';

export function useSetActive() {
  return useMutation({
    mutationFn: (v: { id: string; active: boolean; versionId: string }) =>
      setClientActive(v.id, v.active, v.versionId),
    meta: clientMutationMeta,
  });
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

/** Plain-language text for a failed request; the server's own words when it gave any. */
export function errorText(error: unknown): string {
  if (isAidboxError(error)) {
    if (error.reason === 'version-conflict') return 'Someone else changed this Client since you opened it.';
    if (error.kind === 'forbidden') return 'You are not allowed to do this (403).';
    if (error.kind === 'not-found') return 'This Client no longer exists.';
    if (error.kind === 'network') return 'Aidbox could not be reached. Check your connection and try again.';
    if (error.kind === 'timeout') return 'Aidbox did not answer in time. Try again.';
    if (error.outcomeUnknown)
      return 'The answer was lost on the way; reload to see whether the change was applied.';
    return error.diagnostics || error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
