/**
 * Runs many small async jobs with a concurrency cap and cancellation (issue 7 §4): at most
 * `concurrency` are in flight, so Aidbox is never flooded; after `signal` aborts no new job starts
 * and the in-flight ones get the aborted signal. Progress is reported after every settled job.
 */
export interface RunOptions<T, R> {
  concurrency: number;
  signal: AbortSignal;
  onResult?: (item: T, result: R) => void;
  onError?: (item: T, error: unknown) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface RunSummary {
  done: number;
  total: number;
  cancelled: boolean;
}

export async function runPool<T, R>(
  items: readonly T[],
  worker: (item: T, signal: AbortSignal) => Promise<R>,
  options: RunOptions<T, R>,
): Promise<RunSummary> {
  const { signal } = options;
  const total = items.length;
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (!signal.aborted && next < total) {
      const item = items[next++] as T;
      try {
        const result = await worker(item, signal);
        // A job that finished after the cancel is dropped: the page shows what was there at cancel time.
        if (signal.aborted) return;
        options.onResult?.(item, result);
      } catch (e) {
        if (signal.aborted) return;
        options.onError?.(item, e);
      }
      done++;
      options.onProgress?.(done, total);
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, lane);
  await Promise.all(lanes);
  return { done, total, cancelled: signal.aborted && done < total };
}
