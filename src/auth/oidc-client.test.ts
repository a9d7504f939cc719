import { OidcClient } from 'oidc-client-ts';
import { singleFlight } from './refresh-lock.ts';
import { oidcClientSettings } from './oidc-client.ts';

const config = { aidboxUrl: 'http://box', clientId: 'aidbox-console', scopes: 'openid' };
const metadata = {
  issuer: 'http://box',
  authorization_endpoint: 'http://box/auth/authorize',
  token_endpoint: 'http://box/auth/token',
  jwks_uri: 'http://box/.well-known/jwks.json',
};

describe('oidcClientSettings', () => {
  const settings = oidcClientSettings(config, metadata, 'http://console', sessionStorage);

  it('uses the code flow with PKCE on and no user store (tokens stay in auth-service memory)', () => {
    expect(settings).toMatchObject({
      authority: 'http://box',
      client_id: 'aidbox-console',
      redirect_uri: 'http://console/callback',
      response_type: 'code',
      disablePKCE: false,
      loadUserInfo: false,
    });
    expect(settings).not.toHaveProperty('userStore');
  });

  it('builds S256 authorization requests with fresh 43-char challenges and never stores tokens in web storage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const client = new OidcClient(settings);
    const a = new URL((await client.createSigninRequest({ request_type: 'si:r', nonce: 'n1' })).url);
    const b = new URL((await client.createSigninRequest({ request_type: 'si:r', nonce: 'n2' })).url);
    expect(a.searchParams.get('code_challenge_method')).toBe('S256');
    expect(a.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.searchParams.get('code_challenge')).not.toBe(b.searchParams.get('code_challenge'));
    expect(a.searchParams.get('state')).not.toBe(b.searchParams.get('state'));
    expect(localStorage.length).toBe(0);
    expect(Object.keys(sessionStorage).every((k) => k.startsWith('oidc.'))).toBe(true);
  });
});

describe('singleFlight', () => {
  it('shares one run between overlapping callers, then allows a new run', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = singleFlight(
      () =>
        new Promise<number>((resolve) => {
          runs++;
          release = () => resolve(runs);
        }),
      'test-lock',
    );
    const a = task();
    const b = task();
    expect(a).toBe(b);
    release();
    expect(await a).toBe(1);
    const c = task();
    release();
    expect(await c).toBe(2);
    expect(runs).toBe(2);
  });
});
