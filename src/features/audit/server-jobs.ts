// What a run asks Aidbox when Aidbox answers /auth/test-policy (issue 11 §3): the evaluations only
// Aidbox can decide that some cell still needs (one call per group that must agree, see serverKey),
// and a sample of the console's own answers to cross-check. Cached server answers are used at once.
import type { EvalOutcome } from '../../domain/effective-access-cells.ts';
import {
  crossCheckSample,
  neededFromAidbox,
  requestObjectFor,
  serverKey,
} from '../../domain/effective-access-local.ts';
import { requestFor, type Evaluation } from '../../domain/effective-access.ts';

/** "The console and Aidbox disagree on policy X for request Y": one visible finding each. */
export interface Disagreement {
  policyId: string;
  /** e.g. "DELETE /fhir/Patient/audit-probe" */
  request: string;
  clientId: string | undefined;
  console: boolean;
  aidbox: boolean;
}

export type ServerJob =
  | { kind: 'needed'; evaluation: Evaluation; keys: string[] }
  | {
      kind: 'check';
      evaluation: Evaluation;
      keys: string[];
      local: boolean;
      describe: Omit<Disagreement, 'console' | 'aidbox'>;
    };

function describe(e: Evaluation): Omit<Disagreement, 'console' | 'aidbox'> {
  const r = requestFor(e.resourceType, e.interaction);
  return {
    policyId: e.policy.id ?? '',
    request: `${r['request-method'].toUpperCase()} ${r.uri}`,
    clientId: e.clientId,
  };
}

/**
 * Plans the server calls and applies what the cache already knows. `results` is updated in place:
 * needed evaluations without a cached answer become pending (absent) until Aidbox answers.
 */
export function planServerJobs(
  plan: readonly Evaluation[],
  cells: Iterable<{ keys: readonly string[] }>,
  results: Map<string, EvalOutcome>,
  cache: ReadonlyMap<string, boolean>,
  max: number,
  clients: ReadonlyMap<string, Record<string, unknown>>,
): { jobs: ServerJob[]; cached: number; compared: number; disagreements: Disagreement[] } {
  const needed = neededFromAidbox(cells, results);
  const sample = crossCheckSample(plan, results, max);
  const groups = new Map<string, ServerJob & { kind: 'needed' }>();
  const jobs: ServerJob[] = [];
  const disagreements: Disagreement[] = [];
  let cached = 0;
  let compared = 0;
  for (const e of plan) {
    if (!needed.has(e.key)) continue;
    const hit = cache.get(e.key);
    if (hit !== undefined) {
      results.set(e.key, hit);
      cached++;
      continue;
    }
    results.delete(e.key);
    const client = e.clientId === undefined ? undefined : clients.get(e.clientId);
    const group = serverKey(e, requestObjectFor(e.resourceType, e.interaction, client));
    const job = groups.get(group);
    if (job) job.keys.push(e.key);
    else groups.set(group, { kind: 'needed', evaluation: e, keys: [e.key] });
  }
  jobs.push(...groups.values());
  for (const e of sample) {
    const local = results.get(e.key);
    if (typeof local !== 'boolean') continue;
    const hit = cache.get(e.key);
    if (hit === undefined) {
      jobs.push({ kind: 'check', evaluation: e, keys: [e.key], local, describe: describe(e) });
      continue;
    }
    cached++;
    compared++;
    if (hit !== local) disagreements.push({ ...describe(e), console: local, aidbox: hit });
    results.set(e.key, hit);
  }
  return { jobs, cached, compared, disagreements };
}
