import { describe, expect, it } from 'vitest';
import { runPool } from './effective-access-runner.ts';

/** A job whose completion the test controls. */
function controlled() {
  const started: number[] = [];
  const resolvers = new Map<number, (v: number) => void>();
  const worker = (n: number, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      started.push(n);
      resolvers.set(n, resolve);
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  const finish = async (n: number) => {
    resolvers.get(n)?.(n * 10);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { started, worker, finish };
}

describe('runPool', () => {
  it('keeps at most `concurrency` jobs in flight and reports progress', async () => {
    const { started, worker, finish } = controlled();
    const progress: number[] = [];
    const results: number[] = [];
    const run = runPool([1, 2, 3, 4, 5], worker, {
      concurrency: 2,
      signal: new AbortController().signal,
      onResult: (_i, r) => results.push(r),
      onProgress: (d) => progress.push(d),
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 2]);
    await finish(1);
    expect(started).toEqual([1, 2, 3]);
    for (const n of [2, 3, 4, 5]) await finish(n);
    expect(await run).toEqual({ done: 5, total: 5, cancelled: false });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(results.sort()).toEqual([10, 20, 30, 40, 50]);
  });

  it('cancel: no new job starts, in-flight jobs are aborted, partial results kept', async () => {
    const { started, worker, finish } = controlled();
    const controller = new AbortController();
    const results: number[] = [];
    const run = runPool([1, 2, 3, 4, 5, 6], worker, {
      concurrency: 2,
      signal: controller.signal,
      onResult: (_i, r) => results.push(r),
    });
    await new Promise((r) => setTimeout(r, 0));
    await finish(1);
    controller.abort();
    await finish(3);
    expect(await run).toEqual({ done: 1, total: 6, cancelled: true });
    expect(started).toEqual([1, 2, 3]);
    expect(results).toEqual([10]);
  });

  it('reports failures per job and carries on', async () => {
    const errors: number[] = [];
    const summary = await runPool(
      [1, 2, 3],
      (n) => (n === 2 ? Promise.reject(new Error('x')) : Promise.resolve(n)),
      { concurrency: 6, signal: new AbortController().signal, onError: (i) => errors.push(i) },
    );
    expect(errors).toEqual([2]);
    expect(summary).toEqual({ done: 3, total: 3, cancelled: false });
  });

  it('an empty list finishes at once', async () => {
    expect(
      await runPool([], () => Promise.resolve(1), { concurrency: 6, signal: new AbortController().signal }),
    ).toEqual({
      done: 0,
      total: 0,
      cancelled: false,
    });
  });
});
