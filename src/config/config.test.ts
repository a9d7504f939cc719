import { loadConfig, parseConfig } from './config.ts';
import { discover } from './discovery.ts';

const good = { aidboxUrl: 'http://127.0.0.1:8888/', clientId: 'aidbox-console', scopes: 'openid' };

describe('parseConfig', () => {
  it('accepts a good config, trims the trailing slash and defaults scopes', () => {
    expect(parseConfig(good)).toEqual({
      ok: true,
      config: { aidboxUrl: 'http://127.0.0.1:8888', clientId: 'aidbox-console', scopes: 'openid' },
    });
    const noScopes = parseConfig({ aidboxUrl: 'https://a.example', clientId: 'c' });
    expect(noScopes.ok && noScopes.config.scopes).toBe('openid');
  });

  it.each([
    [{ ...good, aidboxUrl: undefined }, 'aidboxUrl', '(missing)'],
    [{ ...good, aidboxUrl: 'ftp://box' }, 'aidboxUrl', '"ftp://box"'],
    [{ ...good, aidboxUrl: 'javascript:alert(1)' }, 'aidboxUrl', '"javascript:alert(1)"'],
    [{ ...good, aidboxUrl: 'box.example.com' }, 'aidboxUrl', '"box.example.com"'],
    [{ ...good, aidboxUrl: 'https://u:p@box' }, 'aidboxUrl', '"https://u:p@box"'],
    [{ ...good, aidboxUrl: 'https://box/?x=1' }, 'aidboxUrl', '"https://box/?x=1"'],
    [{ ...good, aidboxUrl: 42 }, 'aidboxUrl', '42'],
    [{ ...good, clientId: '' }, 'clientId', '""'],
    [{ ...good, clientId: undefined }, 'clientId', '(missing)'],
    [{ ...good, scopes: ['openid'] }, 'scopes', '["openid"]'],
  ])('rejects %j naming %s and the value', (raw, field, value) => {
    const result = parseConfig(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.title).toContain(`"${field}"`);
    expect(result.problem.value).toBe(value);
    expect(result.problem.fix).toMatch(/config\.json/);
  });

  it.each([[null], [[1]], ['text']])('rejects non-object %j', (raw) => {
    const result = parseConfig(raw);
    expect(result.ok || result.problem.title).toBe('config.json is not an object');
  });
});

const respond = (status: number, body: string) => () => Promise.resolve(new Response(body, { status }));

describe('loadConfig', () => {
  it('fetches with no-store', async () => {
    const fetchFn = vi.fn(respond(200, JSON.stringify(good)));
    const result = await loadConfig(fetchFn);
    expect(result.ok).toBe(true);
    expect(fetchFn).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
  });
  it('names bad JSON and shows the text', async () => {
    const result = await loadConfig(respond(200, '{"aidboxUrl": '));
    expect(result.ok || result.problem.title).toBe('config.json is not valid JSON');
    expect(result.ok || result.problem.value).toBe('{"aidboxUrl": ');
  });
  it('names an HTTP error and a network failure', async () => {
    const r404 = await loadConfig(respond(404, 'no'));
    expect(r404.ok || r404.problem.detail).toContain('HTTP 404');
    const down = await loadConfig(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(down.ok || down.problem.detail).toContain('Failed to fetch');
  });
});

describe('discover', () => {
  const config = { aidboxUrl: 'http://127.0.0.1:8888', clientId: 'c', scopes: 'openid' };
  const metadata = {
    issuer: 'http://127.0.0.1:8888',
    authorization_endpoint: 'http://127.0.0.1:8888/auth/authorize',
    token_endpoint: 'http://127.0.0.1:8888/auth/token',
    jwks_uri: 'http://127.0.0.1:8888/.well-known/jwks.json',
  };
  it('returns metadata when the issuer matches exactly', async () => {
    const result = await discover(config, respond(200, JSON.stringify(metadata)));
    expect(result).toEqual({ ok: true, metadata });
  });
  it('refuses an issuer that differs only by a trailing slash, naming both', async () => {
    const body = JSON.stringify({ ...metadata, issuer: 'http://127.0.0.1:8888/' });
    const result = await discover(config, respond(200, body));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.detail).toContain('"http://127.0.0.1:8888"');
    expect(result.problem.detail).toContain('"http://127.0.0.1:8888/"');
  });
  it('reports unreachable Aidbox with the URL', async () => {
    const down = await discover(config, () => Promise.reject(new TypeError('x')));
    expect(down.ok || down.problem.title).toBe('Aidbox cannot be reached');
    expect(down.ok || down.problem.value).toBe('http://127.0.0.1:8888');
    const html = await discover(config, respond(200, '<html>'));
    expect(html.ok || html.problem.detail).toContain('not JSON');
  });
  it('times out a hanging discovery', async () => {
    vi.useFakeTimers();
    const hang = (_u: unknown, init?: RequestInit) =>
      new Promise<Response>((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('abort'))),
      );
    const p = discover(config, hang, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    const result = await p;
    vi.useRealTimers();
    expect(result.ok || result.problem.detail).toContain('no answer within 1 s');
  });
});
