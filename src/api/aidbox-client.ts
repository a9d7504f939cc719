// The one fetch client for Aidbox: base URL, bearer token, deadline, retries for idempotent calls,
// typed errors. No UI here: a 401 is reported through `onUnauthorized`, which the auth layer wires.
import { AidboxError, errorFromResponse, parseRetryAfter } from './errors.ts';

export type QueryValue = string | number | boolean | undefined | null | readonly string[];

export interface AidboxRequest {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the base URL, e.g. `/fhir/Client/x`. */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
  /** The caller's cancellation (e.g. TanStack Query's); composed with our deadline. */
  signal?: AbortSignal;
  /** Overall budget for the request including retries. */
  timeoutMs?: number;
}

export interface AidboxResponse {
  status: number;
  data: unknown;
  headers: Headers;
  /** Version from the ETag header (`W/"3"` → `3`), when sent. */
  etagVersion: string | undefined;
}

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
}

export interface AidboxClientOptions {
  baseUrl: string;
  /** Returns a currently valid access token (refreshing first if close to expiry), or null. */
  getAccessToken: () => Promise<string | null>;
  /**
   * Called on a 401. First time per request (`repeat` false): resolve true when a fresh token is now
   * available, and an idempotent request is replayed once. A 401 on the replay calls it again with
   * `repeat` true, so the auth layer can ask the user to sign in again; no further replay happens.
   */
  onUnauthorized?: (repeat: boolean) => Promise<boolean>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected for tests: jitter source in [0, 1). */
  random?: () => number;
}

export interface AidboxClient {
  readonly baseUrl: string;
  request(req: AidboxRequest): Promise<AidboxResponse>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 30_000,
};
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

/** RFC 9110 §9.2.2 idempotent methods; PUT/DELETE only count when version-guarded by If-Match. */
export function isIdempotent(method: string, headers: Readonly<Record<string, string>> = {}): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  const guarded = Object.keys(headers).some((h) => h.toLowerCase() === 'if-match');
  return (method === 'PUT' || method === 'DELETE') && guarded;
}

/** Full-jitter exponential backoff (AWS architecture blog): uniform in [0, min(cap, base·2^n)). */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export function etagToVersion(etag: string | null): string | undefined {
  if (!etag) return undefined;
  const m = /^(?:W\/)?"?([^"]*)"?$/.exec(etag.trim());
  return m?.[1] || undefined;
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, QueryValue>>,
): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) url.searchParams.append(key, v);
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

class DeadlineExceeded extends Error {}

/** Sleeps unless `signal` aborts first; rejects with the signal's reason. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 304) return null;
  const text = await res.text();
  if (text === '') return null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function createAidboxClient(options: AidboxClientOptions): AidboxClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function request(req: AidboxRequest): Promise<AidboxResponse> {
    const method = req.method ?? 'GET';
    const headers = req.headers ?? {};
    const idempotent = isIdempotent(method, headers);
    const url = buildUrl(baseUrl, req.path, req.query);
    const path = req.path;

    // One controller carries both the caller's cancel and our deadline into fetch and backoff sleeps.
    const controller = new AbortController();
    const deadline = setTimeout(
      () => controller.abort(new DeadlineExceeded('deadline')),
      req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const onCallerAbort = (): void => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) controller.abort(req.signal.reason);
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const fail = (e: unknown): never => {
      if (controller.signal.reason instanceof DeadlineExceeded && !req.signal?.aborted) {
        throw new AidboxError({
          kind: 'timeout',
          status: 0,
          method,
          path,
          outcomeUnknown: !idempotent,
          cause: e,
        });
      }
      if (req.signal?.aborted) throw e; // the caller cancelled: let TanStack Query see its own abort
      throw new AidboxError({
        kind: 'network',
        status: 0,
        method,
        path,
        outcomeUnknown: !idempotent,
        cause: e,
      });
    };

    try {
      let replayed401 = false;
      for (let attempt = 1; ; attempt++) {
        const token = await options.getAccessToken();
        if (controller.signal.aborted) return fail(controller.signal.reason);
        const h = new Headers({ Accept: 'application/json', ...headers });
        if (token) h.set('Authorization', `Bearer ${token}`);
        let body: string | undefined;
        if (req.body !== undefined) {
          h.set('Content-Type', req.contentType ?? 'application/json');
          body = JSON.stringify(req.body);
        }

        let res: Response;
        try {
          res = await doFetch(url, {
            method,
            headers: h,
            body,
            signal: controller.signal,
            cache: 'no-store',
            credentials: 'omit', // bearer only: never ride on an Aidbox cookie session
          });
        } catch (e) {
          if (controller.signal.aborted || !idempotent || attempt >= policy.maxAttempts) return fail(e);
          await sleep(backoffDelay(attempt - 1, policy, random), controller.signal).catch(fail);
          continue;
        }

        if (res.ok) {
          const data = await readBody(res).catch(fail);
          return {
            status: res.status,
            data,
            headers: res.headers,
            etagVersion: etagToVersion(res.headers.get('etag')),
          };
        }

        const data = await readBody(res).catch(() => null);
        if (res.status === 401 && options.onUnauthorized) {
          const repeat = replayed401;
          replayed401 = true;
          const refreshed = await options.onUnauthorized(repeat);
          if (refreshed && idempotent && !repeat) {
            attempt--; // the replay after a refresh is not a retry
            continue;
          }
        }
        const error = errorFromResponse({
          status: res.status,
          method,
          path,
          body: data,
          retryAfter: res.headers.get('retry-after'),
        });
        if (!idempotent || !RETRY_STATUSES.has(res.status) || attempt >= policy.maxAttempts) throw error;
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) throw error;
        const delay = Math.max(retryAfter ?? 0, backoffDelay(attempt - 1, policy, random));
        await sleep(delay, controller.signal).catch(fail);
      }
    } finally {
      clearTimeout(deadline);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return { baseUrl, request };
}

let configured: AidboxClient | undefined;

/** Sets the client every query factory and write function uses (see docs/decisions/0002). */
export function configureAidbox(client: AidboxClient): void {
  configured = client;
}

/** For tests: forget the configured client. */
export function resetAidbox(): void {
  configured = undefined;
}

export function aidbox(): AidboxClient {
  if (!configured) throw new Error('Aidbox client not configured: call configureAidbox() at start-up');
  return configured;
}
