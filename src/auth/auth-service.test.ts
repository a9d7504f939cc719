import type { OidcClient, SigninResponse } from 'oidc-client-ts';
import type { JWTPayload } from 'jose';
import { refreshResponse } from '../testing/fixtures/token-responses.ts';
import { createAuthService } from './auth-service.ts';
import type { Session } from './session.ts';

const validate = vi.fn();
vi.mock('./id-token.ts', () => ({
  validateIdToken: (...args: unknown[]) => validate(...args) as unknown,
  issuerKeys: () => () => Promise.resolve(null),
}));

const config = { aidboxUrl: 'http://box', clientId: 'aidbox-console', scopes: 'openid' };
const metadata = {
  issuer: 'http://box',
  authorization_endpoint: 'http://box/auth/authorize',
  token_endpoint: 'http://box/auth/token',
  jwks_uri: 'http://box/jwks',
};
const now = () => Math.floor(Date.now() / 1000);
const tokens = (over: Partial<SigninResponse> = {}) =>
  ({
    access_token: 'a1',
    refresh_token: 'r1',
    id_token: 'i1',
    expires_at: now() + 10,
    profile: {},
    ...over,
  }) as SigninResponse;
const session = (over: Partial<Session> = {}): Session => ({
  access_token: 'a1',
  refresh_token: 'r1',
  id_token: 'i1',
  scope: undefined,
  expires_at: now() + 10,
  ...over,
});
const signedIn = (claims: JWTPayload) => ({ claims, idToken: claims });

function setup() {
  const useRefreshToken = vi.fn();
  const client = {
    useRefreshToken,
    clearStaleState: () => Promise.resolve(),
    settings: { redirect_uri: 'http://localhost:3000/callback' },
  } as unknown as OidcClient;
  const auth = createAuthService(config, metadata, client);
  return { auth, useRefreshToken };
}

beforeEach(() => {
  validate.mockReset();
  validate.mockResolvedValue({ sub: 'admin', name: 'Admin' });
});

describe('createAuthService', () => {
  it('holds the tokens in memory and refreshes once for concurrent callers when close to expiry', async () => {
    const { auth, useRefreshToken } = setup();
    auth.acceptSession(session(), signedIn({ sub: 'admin' }));
    expect(auth.getSnapshot().status).toBe('signed-in');
    useRefreshToken.mockResolvedValue(
      tokens({ access_token: 'a2', refresh_token: 'r2', id_token: undefined, expires_at: now() + 300 }),
    );
    const [a, b] = await Promise.all([auth.getAccessToken(), auth.getAccessToken()]);
    expect([a, b]).toEqual(['a2', 'a2']);
    expect(useRefreshToken).toHaveBeenCalledTimes(1);
    expect(useRefreshToken.mock.calls[0]?.[0]).toMatchObject({
      state: { refresh_token: 'r1', id_token: 'i1' },
    });
    expect(validate).not.toHaveBeenCalled(); // no new ID token: nothing to validate
    expect(await auth.getAccessToken()).toBe('a2');
  });

  it('validates a refreshed ID token against the first one', async () => {
    const { auth, useRefreshToken } = setup();
    auth.acceptSession(session(), signedIn({ sub: 'admin', auth_time: 1 }));
    useRefreshToken.mockResolvedValue(
      tokens({ access_token: 'a2', id_token: 'i2', expires_at: now() + 300 }),
    );
    expect(await auth.onUnauthorized(false)).toBe(true);
    expect(validate).toHaveBeenCalledWith(
      'i2',
      expect.objectContaining({ previous: { sub: 'admin', auth_time: 1 } }),
    );
  });

  it('a failed refresh drops the tokens and shows "expired"; a repeated 401 does not refresh again', async () => {
    const { auth, useRefreshToken } = setup();
    auth.acceptSession(session({ expires_at: now() + 300 }), signedIn({ sub: 'admin' }));
    useRefreshToken.mockRejectedValue(new Error('invalid_grant'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await auth.onUnauthorized(false)).toBe(false);
    expect(auth.getSnapshot().status).toBe('expired');
    expect(await auth.getAccessToken()).toBeNull();
    expect(await auth.onUnauthorized(true)).toBe(false);
    expect(useRefreshToken).toHaveBeenCalledTimes(1);
  });

  it('a session without a known expiry never refreshes on its own, and a 401 refreshes once', async () => {
    vi.useFakeTimers();
    try {
      const { auth, useRefreshToken } = setup();
      auth.acceptSession(session({ expires_at: undefined }), signedIn({ sub: 'admin' }));
      expect(await auth.getAccessToken()).toBe('a1');
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(useRefreshToken).not.toHaveBeenCalled();
      expect(auth.getSnapshot().status).toBe('signed-in');
      useRefreshToken.mockResolvedValue(
        tokens({ access_token: 'a2', expires_at: undefined, id_token: undefined }),
      );
      expect(await auth.onUnauthorized(false)).toBe(true);
      expect(await auth.getAccessToken()).toBe('a2');
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(useRefreshToken).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a refresh that returns no refresh token (Aidbox's documented answer) keeps the old one", async () => {
    const { auth, useRefreshToken } = setup();
    auth.acceptSession(session({ expires_at: now() + 300 }), signedIn({ sub: 'admin' }));
    const body = refreshResponse.body as { access_token: string; expires_in: number };
    useRefreshToken.mockResolvedValue({
      access_token: body.access_token,
      expires_at: now() + body.expires_in,
    });
    expect(await auth.onUnauthorized(false)).toBe(true);
    useRefreshToken.mockResolvedValue(
      tokens({ access_token: 'a3', refresh_token: undefined, id_token: undefined }),
    );
    expect(await auth.onUnauthorized(false)).toBe(true);
    expect(useRefreshToken.mock.calls[1]?.[0]).toMatchObject({ state: { refresh_token: 'r1' } });
    expect(await auth.getAccessToken()).toBe('a3');
    expect(auth.getSnapshot()).toMatchObject({ status: 'signed-in', user: { sub: 'admin' } });
  });
});
