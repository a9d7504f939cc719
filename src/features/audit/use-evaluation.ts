// Runs a plan of policy evaluations against Aidbox's /auth/test-policy (issue 7 §4): at most
// CONCURRENCY requests in flight, cancellable at once, progress for a progress bar, and results
// cached in memory under keys that carry the policy's and Client's versions — so a cached answer is
// reused until one of them changes, and never after.
import { useCallback, useEffect, useRef, useState } from 'react';
import { testPolicy, TestPolicyUnavailable } from '../../api/audit.ts';
import { requestFor, type Evaluation } from '../../domain/effective-access.ts';
import type { EvalOutcome } from '../../domain/effective-access-cells.ts';
import { runPool } from '../../domain/effective-access-runner.ts';

export const CONCURRENCY = 6;
/** Progress re-renders at most this often while results stream in (thousands of them)… */
const FLUSH_MS = 150;
/** …and the cells at most this often: folding 24,000 cells must not starve the request lanes. */
const RESULTS_MS = 1_000;

/** Survives navigation between audit screens; only server verdicts (booleans) are kept. */
const cache = new Map<string, boolean>();

export interface EvaluationState {
  results: ReadonlyMap<string, EvalOutcome>;
  done: number;
  total: number;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  /** answers taken from the in-memory cache instead of asking Aidbox again */
  cached: number;
  /** Why the whole run stopped (test-policy unavailable, …). */
  fatal: unknown;
  startedAt: number;
  finishedAt: number | undefined;
}

const IDLE: EvaluationState = {
  results: new Map(),
  done: 0,
  total: 0,
  status: 'idle',
  cached: 0,
  fatal: undefined,
  startedAt: 0,
  finishedAt: undefined,
};

export function useEvaluation() {
  const [state, setState] = useState<EvaluationState>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);

  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((plan: readonly Evaluation[]) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const results = new Map<string, EvalOutcome>();
    const todo: Evaluation[] = [];
    for (const e of plan) {
      const hit = cache.get(e.key);
      if (hit === undefined) todo.push(e);
      else results.set(e.key, hit);
    }
    const cached = results.size;
    const startedAt = performance.now();
    let done = cached;
    let fatal: unknown;
    let shown: ReadonlyMap<string, EvalOutcome> = new Map(results);
    let shownAt = performance.now();
    const snapshot = (status: EvaluationState['status']): EvaluationState => {
      if (status !== 'running' || performance.now() - shownAt >= RESULTS_MS) {
        shown = new Map(results);
        shownAt = performance.now();
      }
      return snapshotOf(status);
    };
    const snapshotOf = (status: EvaluationState['status']): EvaluationState => ({
      results: shown,
      done,
      total: plan.length,
      status,
      cached,
      fatal,
      startedAt,
      finishedAt: status === 'running' ? undefined : performance.now(),
    });
    setState(snapshot(todo.length === 0 ? 'done' : 'running'));
    if (todo.length === 0) return;

    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (controller.current === mine && !mine.signal.aborted) setState(snapshot('running'));
    };
    void runPool(
      todo,
      (e, signal) => {
        const req = requestFor(e.resourceType, e.interaction);
        return testPolicy({ ...req, ...(e.clientId ? { 'client-id': e.clientId } : {}) }, e.policy, signal);
      },
      {
        concurrency: CONCURRENCY,
        signal: mine.signal,
        onResult: (e, ok) => {
          cache.set(e.key, ok);
          results.set(e.key, ok);
        },
        onError: (e, err) => {
          if (err instanceof TestPolicyUnavailable) {
            fatal = err;
            mine.abort();
            return;
          }
          results.set(e.key, err instanceof Error ? err.message : String(err));
        },
        onProgress: (d) => {
          done = cached + d;
          timer ??= setTimeout(flush, FLUSH_MS);
        },
      },
    ).then((summary) => {
      clearTimeout(timer);
      if (controller.current !== mine) return;
      setState(snapshot(fatal ? 'failed' : summary.cancelled ? 'cancelled' : 'done'));
    });
  }, []);

  return { state, start, cancel };
}
