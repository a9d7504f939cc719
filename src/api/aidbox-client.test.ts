import { requestUrl } from '../testing/request-url.ts';
import { AidboxError } from './errors.ts';
import {
  backoffDelay,
  buildUrl,
  createAidboxClient,
  DEFAULT_RETRY,
  etagToVersion,
  isIdempotent,
} from './aidbox-client.ts';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fake fetch answering from a script; each entry is a Response factory or an error to throw. */
function scripted(script: Array<() => Response | Promise<Response>>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: requestUrl(input), init: init ?? {} });
    const step = script.shift();
    if (!step) throw new Error('unexpected fetch');
    return Promise.resolve().then(step);
  };
  return { fetch: fetchFn, calls };
}

function hanging(): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return (_input, init) =>
    new Promise((_resolve, reject) => {
      if (init?.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

const token = () => Promise.resolve('tok-1');

describe('helpers', () => {
  it('classifies idempotency', () => {
    expect(isIdempotent('GET')).toBe(true);
    expect(isIdempotent('HEAD')).toBe(true);
    expect(isIdempotent('POST')).toBe(false);
    expect(isIdempotent('PATCH', { 'If-Match': 'W/"1"' })).toBe(false);
    expect(isIdempotent('PUT')).toBe(false);
    expect(isIdempotent('PUT', { 'if-match': 'W/"1"' })).toBe(true);
    expect(isIdempotent('DELETE', { 'If-Match': 'W/"1"' })).toBe(true);
  });
  it('computes capped full-jitter delays', () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0.5)).toBe(150);
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0.5)).toBe(300);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0.999)).toBeLessThan(DEFAULT_RETRY.maxDelayMs);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0)).toBe(0);
  });
  it('reads ETag versions', () => {
    expect(etagToVersion('W/"12"')).toBe('12');
    expect(etagToVersion('"3"')).toBe('3');
    expect(etagToVersion('7')).toBe('7');
    expect(etagToVersion(null)).toBeUndefined();
  });
  it('builds URLs, dropping empty values and repeating arrays', () => {
    expect(
      buildUrl('http://a:1/', '/fhir/Client', {
        _ilike: 'x y',
        _count: 5,
        skip: '',
        gone: undefined,
        t: ['a', 'b'],
      }),
    ).toBe('http://a:1/fhir/Client?_ilike=x+y&_count=5&t=a&t=b');
    expect(buildUrl('http://a:1', '/fhir/Client', { '.active': 'false' })).toBe(
      'http://a:1/fhir/Client?.active=false',
    );
  });
});

describe('createAidboxClient', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the bearer token, JSON body, no cookies, and returns data with the ETag version', async () => {
    const { fetch, calls } = scripted([() => json(201, { id: 'a' }, { etag: 'W/"4"' })]);
    const client = createAidboxClient({ baseUrl: 'http://box', getAccessToken: token, fetch });
    const res = await client.request({ method: 'POST', path: '/fhir/Client', body: { id: 'a' } });
    expect(res).toMatchObject({ status: 201, data: { id: 'a' }, etagVersion: '4' });
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.init.credentials).toBe('omit');
    expect(calls[0]?.init.body).toBe('{"id":"a"}');
  });

  it('retries a GET on 503 with randomised, growing backoff and then succeeds', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scripted([
      () => json(503, null),
      () => json(503, null),
      () => json(200, { ok: 1 }),
    ]);
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch,
      random: () => 0.5,
    });
    const p = client.request({ path: '/fhir/Client' });
    await vi.advanceTimersByTimeAsync(149);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(3);
    await expect(p).resolves.toMatchObject({ data: { ok: 1 } });
  });

  it('gives up after maxAttempts with the last error', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scripted([() => json(502, null), () => json(502, null), () => json(504, null)]);
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch,
      random: () => 0,
    });
    const p = client.request({ path: '/fhir/Client' }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = (await p) as AidboxError;
    expect(err).toBeInstanceOf(AidboxError);
    expect(err.status).toBe(504);
    expect(calls).toHaveLength(3);
  });

  it('honours Retry-After on a 429 GET', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scripted([() => json(429, null, { 'retry-after': '5' }), () => json(200, {})]);
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch,
      random: () => 0,
    });
    const p = client.request({ path: '/fhir/Client' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the cap', async () => {
    const { fetch, calls } = scripted([() => json(503, null, { 'retry-after': '600' })]);
    const client = createAidboxClient({ baseUrl: 'http://box', getAccessToken: token, fetch });
    await expect(client.request({ path: '/fhir/Client' })).rejects.toMatchObject({
      status: 503,
      retryAfterMs: 600_000,
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['POST', {}],
    ['PATCH', { 'If-Match': 'W/"1"' }],
    ['DELETE', {}],
  ] as const)('never retries a non-idempotent %s', async (method, headers) => {
    const { fetch, calls } = scripted([() => json(503, null, { 'retry-after': '1' })]);
    const client = createAidboxClient({ baseUrl: 'http://box', getAccessToken: token, fetch });
    await expect(client.request({ method, path: '/fhir/Client/a', headers })).rejects.toMatchObject({
      kind: 'server',
    });
    expect(calls).toHaveLength(1);
  });

  it('retries a network error on DELETE with If-Match, but marks a lost POST as outcome unknown', async () => {
    vi.useFakeTimers();
    const del = scripted([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(200, {}),
    ]);
    const c1 = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch: del.fetch,
      random: () => 0,
    });
    const p = c1.request({ method: 'DELETE', path: '/fhir/Client/a', headers: { 'If-Match': 'W/"2"' } });
    await vi.runAllTimersAsync();
    await expect(p).resolves.toMatchObject({ status: 200 });
    expect(del.calls).toHaveLength(2);

    const post = scripted([
      () => {
        throw new TypeError('Failed to fetch');
      },
    ]);
    const c2 = createAidboxClient({ baseUrl: 'http://box', getAccessToken: token, fetch: post.fetch });
    await expect(c2.request({ method: 'POST', path: '/fhir/Client', body: {} })).rejects.toMatchObject({
      kind: 'network',
      outcomeUnknown: true,
    });
    expect(post.calls).toHaveLength(1);
  });

  it('aborts at the deadline with a timeout error, across retries', async () => {
    vi.useFakeTimers();
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch: hanging(),
      timeoutMs: 1000,
    });
    const p = client.request({ path: '/fhir/Client' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void p.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = (await p) as AidboxError;
    expect(err.kind).toBe('timeout');
    expect(err.outcomeUnknown).toBe(false);
  });

  it("passes the caller's abort through untouched", async () => {
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      fetch: hanging(),
    });
    const controller = new AbortController();
    const p = client.request({ path: '/fhir/Client', signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('on 401 refreshes once and replays an idempotent request once', async () => {
    let n = 0;
    const getAccessToken = () => Promise.resolve(`tok-${++n}`);
    const onUnauthorized = vi.fn(() => Promise.resolve(true));
    const { fetch, calls } = scripted([() => json(401, null), () => json(200, { ok: true })]);
    const client = createAidboxClient({ baseUrl: 'http://box', getAccessToken, onUnauthorized, fetch });
    await expect(client.request({ path: '/fhir/Client' })).resolves.toMatchObject({ data: { ok: true } });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(new Headers(calls[1]?.init.headers).get('authorization')).toBe('Bearer tok-2');
  });

  it('a second 401 reports repeat=true and does not loop', async () => {
    const onUnauthorized = vi.fn((_repeat: boolean) => Promise.resolve(true));
    const { fetch, calls } = scripted([() => json(401, null), () => json(401, null)]);
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      onUnauthorized,
      fetch,
    });
    await expect(client.request({ path: '/fhir/Client' })).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(calls).toHaveLength(2);
    expect(onUnauthorized.mock.calls).toEqual([[false], [true]]);
  });

  it('refreshes but does not replay a POST after a 401', async () => {
    const onUnauthorized = vi.fn(() => Promise.resolve(true));
    const { fetch, calls } = scripted([() => json(401, null)]);
    const client = createAidboxClient({
      baseUrl: 'http://box',
      getAccessToken: token,
      onUnauthorized,
      fetch,
    });
    await expect(client.request({ method: 'POST', path: '/fhir/Client', body: {} })).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(calls).toHaveLength(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a non-JSON error body into a typed error', async () => {
    const { fetch } = scripted([
      () => new Response('<h1>Forbidden</h1>', { status: 403, headers: { 'content-type': 'text/html' } }),
    ]);
    const client = createAidboxClient({ baseUrl: 'http://box', getAccessToken: token, fetch });
    const err = (await client.request({ path: '/fhir/Client' }).catch((e: unknown) => e)) as AidboxError;
    expect(err.kind).toBe('forbidden');
    expect(err.diagnostics).toBe('Forbidden');
  });
});
