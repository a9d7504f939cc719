import { OidcClient } from 'oidc-client-ts';
import { documentedTokenResponses, userinfoResponses } from '../testing/fixtures/token-responses.ts';
import { claimsFromUserinfo } from './identity.ts';
import { oidcClientSettings } from './oidc-client.ts';
import { secondsLeft, toSession } from './session.ts';
import { exchangeCode, parseTokenResponse, TokenEndpointError, UnknownStateError } from './token-response.ts';

const config = { aidboxUrl: 'http://box', clientId: 'aidbox-console', scopes: 'openid' };
const metadata = {
  issuer: 'http://box',
  authorization_endpoint: 'http://box/auth/authorize',
  token_endpoint: 'http://box/auth/token',
  jwks_uri: 'http://box/.well-known/jwks.json',
};

describe('every documented token response', () => {
  it.each(documentedTokenResponses.map((f) => ({ ...f, name: `${f.flow} (${f.source})` })))(
    'is accepted: $name',
    ({ body }) => {
      const parsed = parseTokenResponse(body);
      expect(parsed.access_token).toBe(body.access_token);
      expect(parsed.refresh_token).toBe(
        typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      );
      const session = toSession(parsed, undefined, 1000);
      // With expires_in the expiry is timed from it; without, it is unknown and never "due".
      if (typeof body.expires_in === 'number') expect(session.expires_at).toBe(1000 + body.expires_in);
      else expect(secondsLeft(session, 1000)).toBe(Infinity);
    },
  );

  it('a refresh answer without refresh or ID token keeps the previous ones', () => {
    const before = toSession(parseTokenResponse(documentedTokenResponses[0]!.body), undefined, 0);
    const after = toSession(parseTokenResponse({ access_token: 'new', token_type: 'Bearer' }), before, 0);
    expect(after).toMatchObject({ access_token: 'new', refresh_token: before.refresh_token });
  });

  it('an access token JWT times the session when expires_in is missing', () => {
    const payload = btoa(JSON.stringify({ exp: 5000 })).replace(/=+$/, '');
    expect(toSession({ access_token: `h.${payload}.s` }).expires_at).toBe(5000);
  });

  it('refuses an answer without an access token', () => {
    expect(() => parseTokenResponse({ token_type: 'Bearer' })).toThrow(/access_token/);
    expect(() => parseTokenResponse('nope')).toThrow();
  });
});

describe('userinfo', () => {
  it.each(userinfoResponses)('names the user: $source', ({ body }) => {
    const claims = claimsFromUserinfo(body);
    expect(claims?.sub).toBe(typeof body.sub === 'string' ? body.sub : body.id);
    expect(claims?.email).toBe(body.email);
  });

  it("reads Aidbox's name object and refuses an answer without sub or id", () => {
    expect(claimsFromUserinfo({ id: 'u', name: { givenName: 'Amy', familyName: 'Shaw' } })?.name).toBe(
      'Amy Shaw',
    );
    expect(claimsFromUserinfo({ email: 'x@y' })).toBeUndefined();
  });
});

describe('exchangeCode', () => {
  async function request() {
    sessionStorage.clear();
    const client = new OidcClient(oidcClientSettings(config, metadata, 'http://console', sessionStorage));
    const req = await client.createSigninRequest({ state: { returnTo: '/x' }, nonce: 'n-1' });
    return { client, state: req.state.id };
  }

  it('redeems the code with the PKCE verifier and accepts an answer without an ID token', async () => {
    const { client, state } = await request();
    const fetchFn = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ access_token: 'a', token_type: 'Bearer' }))),
    );
    const result = await exchangeCode(
      client,
      `http://console/callback?code=c1&state=${state}`,
      fetchFn as typeof fetch,
    );
    expect(result).toMatchObject({
      nonce: 'n-1',
      userState: { returnTo: '/x' },
      tokens: { access_token: 'a' },
    });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('http://box/auth/token');
    const form = new URLSearchParams(init.body as URLSearchParams);
    expect(form.get('code')).toBe('c1');
    expect(form.get('code_verifier')).toMatch(/^[\w-]{43,}$/);
    expect(form.get('redirect_uri')).toBe('http://console/callback');
    // The state is consumed: the same link cannot be replayed.
    await expect(
      exchangeCode(client, `http://console/callback?code=c1&state=${state}`, fetchFn as typeof fetch),
    ).rejects.toBeInstanceOf(UnknownStateError);
  });

  it("an OAuth error from the token endpoint is reported with Aidbox's words", async () => {
    const { client, state } = await request();
    const fetchFn = () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'code reused' }), {
          status: 400,
        }),
      );
    await expect(
      exchangeCode(client, `http://console/callback?code=c&state=${state}`, fetchFn),
    ).rejects.toEqual(new TokenEndpointError('invalid_grant', 'code reused'));
  });
});
