// @vitest-environment node
import {
  authorizeUrl,
  checkAuthorizationResponse,
  pkceChallenge,
  randomValue,
  type PendingAuthorization,
} from './oauth-request-authorize.ts';

const pending: PendingAuthorization = {
  state: 'st-1',
  issuer: 'http://127.0.0.1:8888',
  clientId: 'playground-demo',
  redirectUri: 'http://127.0.0.1:5173/playground/callback',
  responseType: 'code',
  codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  nonce: 'n-1',
  scope: 'openid',
};
const lookup = (s: string) => (s === pending.state ? pending : undefined);
const cb = (q: string) => `${pending.redirectUri}?${q}`;

describe('PKCE and the authorize URL', () => {
  it('computes the RFC 7636 Appendix B challenge', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('random values are 43-char base64url and differ', () => {
    const a = randomValue();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomValue()).not.toBe(a);
  });

  it('builds a code + S256 request with state and nonce, never the verifier', async () => {
    const url = new URL(await authorizeUrl('http://127.0.0.1:8888/auth/authorize', pending));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'playground-demo',
      redirect_uri: pending.redirectUri,
      scope: 'openid',
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(url.toString()).not.toContain(pending.codeVerifier);
  });

  it('asks for a fresh login with prompt=login only when requested', async () => {
    const endpoint = 'http://127.0.0.1:8888/auth/authorize';
    expect(new URL(await authorizeUrl(endpoint, pending)).searchParams.has('prompt')).toBe(false);
    const fresh = new URL(await authorizeUrl(endpoint, { ...pending, prompt: 'login' }));
    expect(fresh.searchParams.get('prompt')).toBe('login');
  });
});

describe('checkAuthorizationResponse', () => {
  it('accepts a code for a known state, with or without a matching iss', () => {
    expect(checkAuthorizationResponse(cb('code=C&state=st-1'), lookup)).toMatchObject({
      ok: true,
      code: 'C',
    });
    expect(
      checkAuthorizationResponse(cb(`code=C&state=st-1&iss=${encodeURIComponent(pending.issuer)}`), lookup),
    ).toMatchObject({ ok: true, iss: pending.issuer });
  });

  it('refuses an unknown state', () => {
    expect(checkAuthorizationResponse(cb('code=C&state=forged'), lookup)).toMatchObject({
      ok: false,
      reason: 'unknown-state',
    });
  });

  it('refuses a response naming another issuer (mix-up)', () => {
    const r = checkAuthorizationResponse(cb('code=C&state=st-1&iss=https%3A%2F%2Fevil.example'), lookup);
    expect(r).toMatchObject({ ok: false, reason: 'issuer-mismatch' });
    expect(!r.ok && r.message).toContain('https://evil.example');
  });

  it('refuses a URL that is not the redirect URI', () => {
    expect(checkAuthorizationResponse('https://other.example/cb?code=C&state=st-1', lookup)).toMatchObject({
      ok: false,
      reason: 'wrong-redirect',
    });
  });

  it('passes the server error through as data, after the state check', () => {
    expect(
      checkAuthorizationResponse(cb('error=access_denied&error_description=%3Cscript%3E&state=st-1'), lookup),
    ).toMatchObject({ ok: false, reason: 'error', error: 'access_denied', description: '<script>' });
  });

  it('handles garbage and empty responses', () => {
    expect(checkAuthorizationResponse('not a url', lookup)).toMatchObject({ ok: false, reason: 'not-a-url' });
    expect(checkAuthorizationResponse(pending.redirectUri, lookup)).toMatchObject({
      ok: false,
      reason: 'no-response',
    });
    expect(checkAuthorizationResponse(cb('state=st-1'), lookup)).toMatchObject({
      ok: false,
      reason: 'no-code',
    });
  });

  it('reads implicit responses from the fragment', () => {
    const implicit = { ...pending, responseType: 'token' as const };
    const r = checkAuthorizationResponse(
      `${pending.redirectUri}#access_token=AT&token_type=Bearer&state=st-1`,
      () => implicit,
    );
    expect(r).toMatchObject({ ok: true, accessToken: 'AT', tokenType: 'Bearer' });
  });
});
