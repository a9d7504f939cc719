import type { OidcClient } from 'oidc-client-ts';
import { authorizationCodeResponse, smartAppLaunchResponse } from '../testing/fixtures/token-responses.ts';
import type { AuthService } from './auth-service.ts';
import { completeCallback, completeCallbackOnce, isPopupCallback, resetCallbackMemo } from './callback.ts';
import { resolveIdentity } from './identity.ts';
import { safeReturnTo } from './return-to.ts';
import { parseTokenResponse, UnknownStateError, type TokenResponse } from './token-response.ts';
import type * as TokenModule from './token-response.ts';

const validate = vi.fn();
vi.mock('./id-token.ts', () => ({
  validateIdToken: (...args: unknown[]) => validate(...args) as unknown,
  issuerKeys: () => () => Promise.resolve(null),
}));

const exchange = vi.fn();
vi.mock('./token-response.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof TokenModule>()),
  exchangeCode: (...args: unknown[]) => exchange(...args) as unknown,
}));

const tokens = (over: Partial<TokenResponse> = {}): TokenResponse => ({
  access_token: 'a',
  refresh_token: undefined,
  id_token: 'x.y.z',
  scope: undefined,
  expires_in: 300,
  userinfo: undefined,
  ...over,
});

function fakeAuth(answer: TokenResponse = tokens(), userState: unknown = { returnTo: '/clients?q=a' }) {
  const remove = vi.fn(() => Promise.resolve(null));
  exchange.mockImplementation((_client: unknown, url: string) => {
    const state = new URL(url).searchParams.get('state') ?? '';
    const raw = sessionStorage.getItem(`oidc.${state}`);
    if (raw === null) return Promise.reject(new UnknownStateError());
    sessionStorage.removeItem(`oidc.${state}`);
    return Promise.resolve({ tokens: answer, nonce: 'n', userState });
  });
  const acceptSession = vi.fn();
  const userinfo = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ sub: 'from-endpoint' }))));
  const identify = (t: TokenResponse, nonce: string) =>
    resolveIdentity(t, {
      issuer: 'http://box',
      clientId: 'aidbox-console',
      keys: () => Promise.reject(new Error('unused')),
      nonce,
      userinfoEndpoint: 'http://box/auth/userinfo',
      fetchFn: userinfo,
    });
  const client = { settings: { stateStore: { remove } } } as unknown as OidcClient;
  const auth = {
    client,
    config: { clientId: 'aidbox-console' },
    acceptSession,
    identify,
  } as unknown as AuthService;
  return { auth, remove, processSigninResponse: exchange, acceptSession, userinfo };
}

beforeEach(() => {
  sessionStorage.clear();
  validate.mockReset();
  exchange.mockReset();
  resetCallbackMemo();
});

const storeState = (id: string, nonce = 'n-1') =>
  sessionStorage.setItem(`oidc.${id}`, JSON.stringify({ id, nonce }));

describe('completeCallback', () => {
  it('a link without state, or with a state this tab never created, is invalid and sends no token request', async () => {
    const f = fakeAuth();
    expect(await completeCallback(f.auth, 'http://c/callback?code=1', sessionStorage, false)).toEqual({
      kind: 'invalid-link',
    });
    expect(
      await completeCallback(f.auth, 'http://c/callback?code=1&state=forged', sessionStorage, false),
    ).toEqual({
      kind: 'invalid-link',
    });
    expect(f.processSigninResponse).not.toHaveBeenCalled();
  });

  it('an error response is shown literally, consumes the state and sends no token request', async () => {
    const f = fakeAuth();
    storeState('s1');
    const url = `http://c/callback?state=s1&error=access_denied&error_description=${encodeURIComponent('<script>x</script>')}`;
    expect(await completeCallback(f.auth, url, sessionStorage, false)).toEqual({
      kind: 'refused',
      error: 'access_denied',
      description: '<script>x</script>',
    });
    expect(f.remove).toHaveBeenCalledWith('s1');
    expect(f.processSigninResponse).not.toHaveBeenCalled();
  });

  it('validates the ID token with the stored nonce and returns to the saved page', async () => {
    const f = fakeAuth();
    storeState('s2', 'nonce-abc');
    validate.mockResolvedValue({ sub: 'admin' });
    const result = await completeCallback(f.auth, 'http://c/callback?code=c&state=s2', sessionStorage, false);
    expect(result).toEqual({ kind: 'signed-in', returnTo: '/clients?q=a' });
    expect(validate).toHaveBeenCalledWith(
      'x.y.z',
      expect.objectContaining({ issuer: 'http://box', clientId: 'aidbox-console', nonce: 'nonce-abc' }),
    );
    expect(f.acceptSession).toHaveBeenCalledWith(expect.objectContaining({ access_token: 'a' }), {
      claims: { sub: 'admin' },
      idToken: { sub: 'admin' },
    });
  });

  it('a token that fails validation is dropped and the reason shown', async () => {
    const f = fakeAuth();
    storeState('s3');
    validate.mockRejectedValue(new Error('ID token issuer mismatch'));
    const result = await completeCallback(f.auth, 'http://c/callback?code=c&state=s3', sessionStorage, false);
    expect(result).toEqual({ kind: 'rejected', reason: 'ID token issuer mismatch' });
    expect(f.acceptSession).not.toHaveBeenCalled();
  });

  it("Aidbox's documented code-flow answer (no ID token) signs in with the identity from its userinfo", async () => {
    const f = fakeAuth(parseTokenResponse(authorizationCodeResponse.body), {});
    storeState('s4');
    const result = await completeCallback(f.auth, 'http://c/callback?code=c&state=s4', sessionStorage, false);
    expect(result).toEqual({ kind: 'signed-in', returnTo: '/' });
    expect(validate).not.toHaveBeenCalled();
    expect(f.userinfo).not.toHaveBeenCalled();
    expect(f.acceptSession).toHaveBeenCalledWith(
      expect.objectContaining({ expires_at: expect.any(Number) as unknown }),
      {
        claims: { sub: 'user', email: 'user@mail.com' },
        idToken: undefined,
      },
    );
  });

  it('no ID token and no userinfo in the answer: the identity comes from the userinfo endpoint', async () => {
    const f = fakeAuth(tokens({ id_token: undefined }));
    storeState('s5');
    expect(
      await completeCallback(f.auth, 'http://c/callback?code=c&state=s5', sessionStorage, false),
    ).toEqual({
      kind: 'signed-in',
      returnTo: '/clients?q=a',
    });
    expect(f.userinfo).toHaveBeenCalledWith(
      'http://box/auth/userinfo',
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer a' }) as unknown }),
    );
    expect(f.acceptSession.mock.calls[0]?.[1]).toEqual({
      claims: { sub: 'from-endpoint' },
      idToken: undefined,
    });
  });

  it('the SMART answer validates its ID token (nonce absent there) and keeps the claims it returns', async () => {
    const f = fakeAuth(parseTokenResponse(smartAppLaunchResponse.body));
    storeState('s6', 'n-6');
    validate.mockResolvedValue({ sub: 'test-user' });
    expect(
      (await completeCallback(f.auth, 'http://c/callback?code=c&state=s6', sessionStorage, false)).kind,
    ).toBe('signed-in');
    expect(validate).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ nonce: 'n-6' }));
  });

  it('popup mode hands the URL to the opener, at our origin only, and exchanges nothing itself', async () => {
    const f = fakeAuth();
    const postMessage = vi.fn();
    const win = { opener: { closed: false, postMessage }, location: { origin: 'http://c' } };
    const url = 'http://c/callback?code=c&state=p';
    expect(await completeCallback(f.auth, url, sessionStorage, true, win as unknown as Window)).toEqual({
      kind: 'popup',
    });
    expect(postMessage).toHaveBeenCalledWith({ type: 'aidbox-console:reauth-callback', url }, 'http://c');
    expect(f.processSigninResponse).not.toHaveBeenCalled();
  });
});

describe('completeCallbackOnce', () => {
  it('strips code and state from the address bar at once and runs only once (StrictMode)', async () => {
    const f = fakeAuth();
    window.history.pushState(null, '', '/callback?code=secret-code&state=zz');
    const first = completeCallbackOnce(f.auth);
    expect(window.location.search).toBe('');
    const second = completeCallbackOnce(f.auth);
    expect(second).toBe(first);
    expect(await first).toEqual({ kind: 'invalid-link' });
  });
});

describe('isPopupCallback', () => {
  it('is false in a normal tab, and false when the state belongs to this tab', () => {
    expect(isPopupCallback(window, 'x', sessionStorage)).toBe(false);
    storeState('mine');
    expect(isPopupCallback(window, 'mine', sessionStorage)).toBe(false);
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/clients?q=a#x', '/clients?q=a#x'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/callback?code=1', '/'],
    ['/signed-out', '/'],
    ['/a\nb', '/'],
    [42, '/'],
  ])('%j → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
