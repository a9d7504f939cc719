// Serialises token refresh: concurrent callers in this tab share one request, and tabs queue on a
// Web Lock so a rotating refresh token is never spent twice (oidc-client-ts #430, #1618).
export const REFRESH_LOCK_NAME = 'aidbox-console:token-refresh';

type LockManagerLike = {
  request<T>(name: string, options: { mode: 'exclusive' }, callback: () => Promise<T>): Promise<T>;
};

function locks(): LockManagerLike | undefined {
  const nav = globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined;
  return nav?.locks;
}

/** Wraps `task` so overlapping calls share one run, and runs hold the cross-tab lock when available. */
export function singleFlight<T>(task: () => Promise<T>, lockName = REFRESH_LOCK_NAME): () => Promise<T> {
  let inflight: Promise<T> | undefined;
  return () => {
    if (inflight) return inflight;
    const manager = locks();
    const run = manager ? manager.request(lockName, { mode: 'exclusive' }, task) : task();
    inflight = run.finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}
