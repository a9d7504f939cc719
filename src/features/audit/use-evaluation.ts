// Runs effective access (issue 11 §3): the console decides every evaluation it can from the policy
// text at once; then, only when Aidbox answers /auth/test-policy (asked once per session), it asks
// Aidbox for what only Aidbox can decide (sql, rpc…) and cross-checks a sample of its own answers,
// every disagreement kept as a finding and Aidbox's answer used. Requests: at most CONCURRENCY in
// flight, cancellable, cached in memory under keys that carry the policy's and Client's versions.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  detectTestPolicy,
  testPolicy,
  TestPolicyUnavailable,
  type TestPolicyMode,
} from '../../api/test-policy.ts';
import type { EvalOutcome } from '../../domain/effective-access-cells.ts';
import { localOutcome } from '../../domain/effective-access-local.ts';
import type { RequestObject } from '../../domain/policy-eval/types.ts';
import { requestFor, type Evaluation } from '../../domain/effective-access.ts';
import { runPool } from '../../domain/effective-access-runner.ts';
import { planServerJobs, type Disagreement, type ServerJob } from './server-jobs.ts';

export const CONCURRENCY = 6;
/** How many of its own answers the console has Aidbox confirm per run. */
export const CROSS_CHECK_MAX = 150;
/** Progress re-renders at most this often while results stream in (thousands of them)… */
const FLUSH_MS = 150;
/** …and the cells at most this often: folding 24,000 cells must not starve the request lanes. */
const RESULTS_MS = 1_000;

/** Survives navigation between audit screens; only server verdicts (booleans) are kept. */
const cache = new Map<string, boolean>();
/** Detected once per session; a transient failure is asked again next run. */
let modeOnce: Promise<TestPolicyMode> | undefined;

function detectOnce(): Promise<TestPolicyMode> {
  modeOnce ??= detectTestPolicy().then((m) => {
    if (!m.available && m.reason === 'error') modeOnce = undefined;
    return m;
  });
  return modeOnce;
}

export type EvaluationMode =
  | { kind: 'detecting' }
  | { kind: 'aidbox' }
  | { kind: 'local'; why: Extract<TestPolicyMode, { available: false }> };

export interface EvaluationState {
  results: ReadonlyMap<string, EvalOutcome>;
  /** server calls finished / planned (the console's own evaluations take milliseconds) */
  done: number;
  total: number;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  mode: EvaluationMode;
  /** evaluations decided by the console from the policy text */
  local: number;
  /** server calls for what only Aidbox decides */
  asked: number;
  /** answers taken from the in-memory cache instead of asking Aidbox again */
  cached: number;
  crossCheck: { compared: number; disagreements: Disagreement[] };
  /** Why the whole run stopped (test-policy refused mid-run, …). */
  fatal: unknown;
  startedAt: number;
  finishedAt: number | undefined;
}

const IDLE: EvaluationState = {
  results: new Map(),
  done: 0,
  total: 0,
  status: 'idle',
  mode: { kind: 'detecting' },
  local: 0,
  asked: 0,
  cached: 0,
  crossCheck: { compared: 0, disagreements: [] },
  fatal: undefined,
  startedAt: 0,
  finishedAt: undefined,
};

export interface RunInput {
  plan: readonly Evaluation[];
  /** which result keys each cell reads (to skip server calls for cells already allowed) */
  cells: Iterable<{ keys: readonly string[] }>;
  /** Client resources by id, as policies see them (secrets are stripped by the evaluator) */
  clients: ReadonlyMap<string, Record<string, unknown>>;
}

export function useEvaluation() {
  const [state, setState] = useState<EvaluationState>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);

  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);
  // Ask early, while Clients and policies still load: the answer is needed right after.
  useEffect(() => void detectOnce(), []);

  const start = useCallback(({ plan, cells, clients }: RunInput) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const startedAt = performance.now();
    const results = new Map<string, EvalOutcome>();
    let local = 0;
    const requests = new Map<string, RequestObject>();
    for (const e of plan) {
      const outcome = localOutcome(e, clients, requests);
      if (typeof outcome === 'boolean') local++;
      results.set(e.key, outcome);
    }
    let s: EvaluationState = { ...IDLE, results: new Map(results), status: 'running', local, startedAt };
    setState(s);
    let shownAt = performance.now();
    // Folding 24,000 cells costs about a second at scale: the cells are re-folded only when an
    // answer changed (a cross-check that agrees changes nothing), and then at most every RESULTS_MS.
    let dirty = false;
    const set = (key: string, value: EvalOutcome) => {
      if (results.get(key) !== value) dirty = true;
      results.set(key, value);
    };
    const publish = (next: Partial<EvaluationState>, final = false) => {
      if (controller.current !== mine) return;
      const fresh = dirty && (final || performance.now() - shownAt >= RESULTS_MS);
      if (fresh) {
        shownAt = performance.now();
        dirty = false;
      }
      s = { ...s, ...next, ...(fresh ? { results: new Map(results) } : {}) };
      if (final) s = { ...s, finishedAt: performance.now() };
      setState(s);
    };

    void detectOnce().then(async (mode) => {
      if (mine.signal.aborted) return;
      if (!mode.available) {
        publish({ mode: { kind: 'local', why: mode }, status: 'done' }, true);
        return;
      }
      const before = new Map(results);
      const { jobs, cached, disagreements, compared } = planServerJobs(
        plan,
        cells,
        results,
        cache,
        CROSS_CHECK_MAX,
        clients,
      );
      const crossCheck = { compared, disagreements };
      for (const [k, v] of before) if (results.get(k) !== v) dirty = true;
      if (results.size !== before.size) dirty = true;
      const asked = jobs.filter((j) => j.kind === 'needed').length;
      publish({ mode: { kind: 'aidbox' }, total: jobs.length, cached, asked, crossCheck }, true);
      if (jobs.length === 0) {
        publish({ status: 'done' }, true);
        return;
      }
      let done = 0;
      let fatal: unknown;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const summary = await runPool(jobs, (j, signal) => ask(j, signal), {
        concurrency: CONCURRENCY,
        signal: mine.signal,
        onResult: (j, ok) => {
          // The answer stands for every evaluation of its group (serverKey), so all of them are cached.
          for (const k of j.keys) cache.set(k, ok);
          if (j.kind === 'check') {
            crossCheck.compared++;
            if (ok !== j.local)
              crossCheck.disagreements.push({ ...j.describe, console: j.local, aidbox: ok });
          }
          for (const k of j.keys) set(k, ok);
        },
        onError: (j, err) => {
          if (err instanceof TestPolicyUnavailable) {
            fatal = err;
            mine.abort();
            return;
          }
          if (j.kind === 'needed')
            for (const k of j.keys) set(k, err instanceof Error ? err.message : String(err));
        },
        onProgress: (d) => {
          done = d;
          timer ??= setTimeout(() => {
            timer = undefined;
            if (!mine.signal.aborted) publish({ done, crossCheck: { ...crossCheck } });
          }, FLUSH_MS);
        },
      });
      clearTimeout(timer);
      const status = fatal ? 'failed' : summary.cancelled ? 'cancelled' : 'done';
      publish({ done, fatal, status, crossCheck: { ...crossCheck } }, true);
    });
  }, []);

  return { state, start, cancel };
}

function ask(job: ServerJob, signal: AbortSignal): Promise<boolean> {
  const e = job.evaluation;
  const req = requestFor(e.resourceType, e.interaction);
  return testPolicy({ ...req, ...(e.clientId ? { 'client-id': e.clientId } : {}) }, e.policy, signal);
}
