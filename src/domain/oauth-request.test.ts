import {
  basicAuthorization,
  bearerRequest,
  bodyText,
  curlCommand,
  formUrlEncode,
  introspectionRequest,
  maskValue,
  shellQuote,
  tokenRequest,
} from './oauth-request.ts';
import { adviseOAuthError, oauthErrorOf } from './oauth-request-errors.ts';

const TOKEN = 'http://127.0.0.1:8888/auth/token';

/** What a correct server does (RFC 6749 §2.3.1): base64-decode, split at the first ':', form-decode each. */
function serverDecodeBasic(header: string): [string, string] {
  const raw = atob(header.replace(/^Basic /, ''));
  const i = raw.indexOf(':');
  const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return [dec(raw.slice(0, i)), dec(raw.slice(i + 1))];
}

describe('client authentication (RFC 6749 §2.3.1)', () => {
  it.each([
    ['plain', 'dmo-bk_R7vQ2xL9kP4wN8tZ3yB6cF1hJ5mD0sGa'],
    ['colon', 'a:b:c'],
    ['percent', '100%25%zz'],
    ['plus and space', 'a+b c'],
    ['all of them', 'x:%+ &=/?#\'"ü€😀'],
  ])('%s: form-urlencodes id and secret before base64, so they round-trip', (_name, secret) => {
    const header = basicAuthorization('my client:1', secret);
    expect(header).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
    expect(serverDecodeBasic(header)).toEqual(['my client:1', secret]);
  });

  it('encodes exactly as application/x-www-form-urlencoded', () => {
    expect(formUrlEncode('a b+c:d%e')).toBe('a+b%2Bc%3Ad%25e');
    expect(basicAuthorization('id', 'p:+%')).toBe(`Basic ${btoa('id:p%3A%2B%25')}`);
  });

  it('basic: secret in the header, client_id kept out of the body', () => {
    const spec = tokenRequest(TOKEN, [['grant_type', 'client_credentials']], {
      clientId: 'demo-backend',
      secret: 's3cret',
      method: 'client_secret_basic',
    });
    expect(spec.headers).toContainEqual(['Authorization', basicAuthorization('demo-backend', 's3cret')]);
    expect(bodyText(spec)).toBe('grant_type=client_credentials');
  });

  it('post: id and secret in the form body, no Authorization header', () => {
    const spec = tokenRequest(TOKEN, [['grant_type', 'client_credentials']], {
      clientId: 'c',
      secret: 'a+b:%',
      method: 'client_secret_post',
    });
    expect(spec.headers.some(([n]) => n === 'Authorization')).toBe(false);
    expect(bodyText(spec)).toBe('grant_type=client_credentials&client_id=c&client_secret=a%2Bb%3A%25');
  });

  it('public client: client_id only, empty optional fields dropped', () => {
    const spec = tokenRequest(
      TOKEN,
      [
        ['grant_type', 'refresh_token'],
        ['refresh_token', 'r.t'],
        ['scope', ''],
      ],
      { clientId: 'playground-demo', method: 'client_secret_basic' },
    );
    expect(bodyText(spec)).toBe('grant_type=refresh_token&refresh_token=r.t&client_id=playground-demo');
  });

  it('introspection sends the token with client auth', () => {
    const spec = introspectionRequest('http://x/auth/introspect', 'tok', {
      clientId: 'c',
      secret: 's',
      method: 'client_secret_basic',
    });
    expect(bodyText(spec)).toBe('token=tok');
    expect(spec.headers.some(([n]) => n === 'Authorization')).toBe(true);
  });

  it('bearer requests carry the token and an optional JSON body', () => {
    const spec = bearerRequest('POST', 'http://x/fhir/Patient', 'T', '{"resourceType":"Patient"}');
    expect(spec.headers).toContainEqual(['Authorization', 'Bearer T']);
    expect(spec.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(bodyText(spec)).toBe('{"resourceType":"Patient"}');
    expect(bearerRequest('GET', 'http://x/fhir/Patient', 'T', '  ').body).toBeUndefined();
  });
});

describe('masking and curl', () => {
  it('masks values but keeps the scheme', () => {
    expect(maskValue('Basic abc')).toBe('Basic •••••••• (9 chars)');
    expect(maskValue('secret')).not.toContain('secret');
  });

  it('masked curl carries no secret, only shell variables', () => {
    const secret = "canary:%+'x";
    const spec = tokenRequest(
      TOKEN,
      [
        ['grant_type', 'authorization_code'],
        ['code', 'the-code'],
        ['code_verifier', 'the-verifier'],
      ],
      { clientId: 'c', secret, method: 'client_secret_post' },
    );
    const curl = curlCommand(spec, () => false);
    for (const v of [secret, 'the-code', 'the-verifier']) expect(curl).not.toContain(v);
    expect(curl).toContain('--data-urlencode "client_secret=$CLIENT_SECRET"');
    expect(curl).toContain('--data-urlencode "code_verifier=$CODE_VERIFIER"');
    expect(curl).toContain(`--data-urlencode 'grant_type=authorization_code'`);
    expect(curl).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:8888\/auth\/token'/);
  });

  it('a revealed value is single-quoted so the shell expands nothing', () => {
    const spec = tokenRequest(TOKEN, [['grant_type', 'client_credentials']], {
      clientId: 'c',
      secret: "it's $HOME",
      method: 'client_secret_post',
    });
    const curl = curlCommand(spec, (k) => k === 'field:client_secret');
    expect(curl).toContain(`--data-urlencode 'client_secret=it'\\''s $HOME'`);
  });

  it('masks the Authorization header as a variable, keeping the scheme', () => {
    const curl = curlCommand(bearerRequest('DELETE', 'http://x/Session', 'tok'), () => false);
    expect(curl).toContain('-H "Authorization: Bearer $AUTHORIZATION"');
    expect(curl).not.toContain('tok');
    expect(curl).toContain('curl -X DELETE');
  });

  it('quotes', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});

describe('OAuth error advice', () => {
  it('reads error bodies and gives a next step per error', () => {
    expect(oauthErrorOf({ error: 'invalid_client', error_description: 'Client is inactive' })).toEqual({
      error: 'invalid_client',
      description: 'Client is inactive',
    });
    expect(oauthErrorOf('nope')).toBeUndefined();
    expect(adviseOAuthError('invalid_client', 'Client is inactive').title).toMatch(/inactive/);
    expect(adviseOAuthError('invalid_client', 'Invalid client credentials').next).toMatch(/secret/);
    expect(
      adviseOAuthError('invalid_grant', 'PKCE verification failed: code_verifier does not match').title,
    ).toMatch(/PKCE/);
    expect(adviseOAuthError('unauthorized_client').next).toMatch(/grant_types/);
    expect(adviseOAuthError('weird_thing').title).toBe('weird_thing');
  });
});
