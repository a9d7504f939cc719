// How a run decided its cells, in the words the evidence file records.
import type { EvaluationState } from './use-evaluation.ts';

export function methodOf(state: EvaluationState): string {
  const base = 'candidate policies (global, Client-linked, Operation-linked) evaluated per cell';
  if (state.mode.kind === 'aidbox')
    return `${base}: by the console from the policy text, by Aidbox (POST /auth/test-policy) where only Aidbox can decide; ${state.crossCheck.compared} console answers cross-checked with Aidbox, ${state.crossCheck.disagreements.length} disagreements (Aidbox's answer used)`;
  return `${base}: evaluated by the console from the policy text (Aidbox's /auth/test-policy unavailable); sql/rpc policies left unknown`;
}
