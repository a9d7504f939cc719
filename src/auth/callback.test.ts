import type { OidcClient, SigninResponse } from 'oidc-client-ts';
import type { AuthService } from './auth-service.ts';
import { completeCallback, completeCallbackOnce, isPopupCallback, resetCallbackMemo } from './callback.ts';
import { safeReturnTo } from './return-to.ts';

const validate = vi.fn();
vi.mock('./id-token.ts', () => ({
  validateIdToken: (...args: unknown[]) => validate(...args) as unknown,
  issuerKeys: () => () => Promise.resolve(null),
}));

function fakeAuth(
  response: Partial<SigninResponse> = { id_token: 'x.y.z', userState: { returnTo: '/clients?q=a' } },
) {
  const remove = vi.fn(() => Promise.resolve(null));
  const processSigninResponse = vi.fn(() => Promise.resolve(response as SigninResponse));
  const acceptSession = vi.fn();
  const client = {
    settings: { stateStore: { remove } },
    processSigninResponse,
    metadataService: {
      getMetadata: () => Promise.resolve({ issuer: 'http://box', jwks_uri: 'http://box/jwks' }),
    },
  } as unknown as OidcClient;
  const auth = { client, config: { clientId: 'aidbox-console' }, acceptSession } as unknown as AuthService;
  return { auth, remove, processSigninResponse, acceptSession };
}

beforeEach(() => {
  sessionStorage.clear();
  validate.mockReset();
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
    expect(f.acceptSession).toHaveBeenCalled();
  });

  it('a token that fails validation is dropped and the reason shown', async () => {
    const f = fakeAuth();
    storeState('s3');
    validate.mockRejectedValue(new Error('ID token issuer mismatch'));
    const result = await completeCallback(f.auth, 'http://c/callback?code=c&state=s3', sessionStorage, false);
    expect(result).toEqual({ kind: 'rejected', reason: 'ID token issuer mismatch' });
    expect(f.acceptSession).not.toHaveBeenCalled();
  });

  it('a response without an ID token is rejected', async () => {
    const f = fakeAuth({ userState: {} });
    storeState('s4');
    const result = await completeCallback(f.auth, 'http://c/callback?code=c&state=s4', sessionStorage, false);
    expect(result.kind).toBe('rejected');
    expect(validate).not.toHaveBeenCalled();
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
