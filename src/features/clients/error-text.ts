// Plain-language text for a failed request. Kept apart from the mutation hooks so the list's first
// load does not bring useMutation along with it (docs/decisions/0004-first-load-budget.md).
import { isAidboxError } from '../../api/errors.ts';

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
