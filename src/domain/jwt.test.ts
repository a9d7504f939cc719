import { describeTimeClaim, explainClaim, explainHeader, relativeTime } from './jwt-claims.ts';
import { base64UrlToBytes, decodeJwt, MAX_TOKEN_LENGTH } from './jwt.ts';

const enc = (v: unknown) =>
  btoa(typeof v === 'string' ? v : JSON.stringify(v))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (header: unknown, payload: unknown, sig = 'c2ln') => `${enc(header)}.${enc(payload)}.${sig}`;

describe('decodeJwt', () => {
  it('decodes header and payload of a well-formed token, with a Bearer prefix and whitespace', () => {
    const r = decodeJwt(`  Bearer ${jwt({ alg: 'RS256', kid: 'k' }, { sub: 'admin', exp: 1 })}\n`);
    expect(r).toMatchObject({ ok: true, kind: 'jwt', header: { alg: 'RS256' }, payload: { sub: 'admin' } });
    expect(r.ok && r.kind === 'jwt' && r.warnings).toEqual([]);
  });

  it('flags alg none and key-pointing headers', () => {
    const r = decodeJwt(jwt({ alg: 'none', jku: 'https://evil.example/jwks', jwk: {} }, { sub: 'x' }, ''));
    if (!r.ok || r.kind !== 'jwt') throw new Error('expected jwt');
    expect(r.warnings.join('\n')).toMatch(/alg "none"/);
    expect(r.warnings.join('\n')).toMatch(/"jku": ignored/);
    expect(r.warnings.join('\n')).toMatch(/"jwk": ignored/);
  });

  it('flags HS256', () => {
    const r = decodeJwt(jwt({ alg: 'HS256' }, { sub: 'x' }));
    expect(r.ok && r.kind === 'jwt' && r.warnings[0]).toMatch(/only RS256/);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0', 'segments'],
    ['eyJhbGciOiJSUzI1NiJ9', 'segments'],
    ['eyJ.a.b.c', 'segments'],
    ['a.b.c.d.e', 'encrypted'],
    ['eyJh!bGc.eyJzdWIiOiJ4In0.sig', 'base64url'],
    [`${enc({ alg: 'RS256' })}.@@@.sig`, 'base64url'],
    [`${enc({ alg: 'RS256' })}.${enc({ sub: 'x' })}.si+g`, 'base64url'],
    [`${enc({ alg: 'RS256' })}.${enc('not json')}.sig`, 'payload-json'],
    [`${enc('{oops')}.${enc({ sub: 'x' })}.sig`, 'header-json'],
    [jwt({ alg: 'RS256' }, [1, 2]), 'payload-not-object'],
    [jwt({ alg: 'RS256' }, 42), 'payload-not-object'],
    [jwt({ alg: 'RS256' }, null), 'payload-not-object'],
    [jwt('"str"', { sub: 'x' }), 'header-not-object'],
    [`eyJh bGc.eyJ.sig`, 'whitespace'],
    [`${enc({ alg: 'RS256' })}.${'__79'}.sig`, 'utf8'],
  ])('%s → %s', (input, code) => {
    const r = decodeJwt(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses a huge token quickly, before any decoding', () => {
    const huge = 'eyJ' + 'a'.repeat(5 * 1024 * 1024);
    const started = performance.now();
    const r = decodeJwt(huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    expect(decodeJwt('eyJ' + 'a'.repeat(MAX_TOKEN_LENGTH))).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('describes Aidbox opaque tokens (with or without the session-id prefix) as opaque', () => {
    expect(decodeJwt('ZjQyYTg5OWYtMmZhNC00')).toMatchObject({ ok: true, kind: 'opaque' });
    expect(decodeJwt('3f1c2a9e-1d2b-4c8d.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde')).toMatchObject({
      ok: true,
      kind: 'opaque',
    });
  });

  it('never throws, whatever the input', () => {
    for (const input of ['.', '..', '...', 'eyJ..', '\u0000', '%%%', 'eyJ\u2028.a.b', '=.=.=']) {
      expect(() => decodeJwt(input)).not.toThrow();
    }
  });
});

describe('base64UrlToBytes', () => {
  it('rejects padding, standard-alphabet characters and impossible lengths', () => {
    expect(base64UrlToBytes('YQ==')).toBeUndefined();
    expect(base64UrlToBytes('a+b/')).toBeUndefined();
    expect(base64UrlToBytes('abcde')).toBeUndefined();
    expect(Array.from(base64UrlToBytes('_-8') ?? [])).toEqual([0xff, 0xef]);
  });
});

describe('claims', () => {
  it('explains standard and Aidbox claims, and header fields; unknown names have none', () => {
    for (const c of [
      'iss',
      'sub',
      'aud',
      'exp',
      'iat',
      'nbf',
      'jti',
      'scope',
      'azp',
      'nonce',
      'atv',
      'context',
      'typ',
    ]) {
      expect(explainClaim(c)).toBeTruthy();
    }
    expect(explainClaim('constructor')).toBeUndefined();
    expect(explainClaim('__proto__')).toBeUndefined();
    expect(explainHeader('jku')).toMatch(/Ignored/);
  });

  it('renders times absolute and relative, and names the problem', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const t = now / 1000;
    expect(describeTimeClaim('exp', t + 252, now)).toEqual({
      absolute: '2026-01-01T00:04:12Z',
      relative: 'in 4 min 12 s',
      problem: undefined,
    });
    expect(describeTimeClaim('exp', t - 7200, now)?.problem).toBe('Expired');
    expect(describeTimeClaim('exp', t - 7200, now)?.relative).toBe('2 h ago');
    expect(describeTimeClaim('nbf', t + 10, now)?.problem).toBe('Not valid yet');
    expect(describeTimeClaim('iat', t + 3600, now)?.problem).toBe('In the future');
    expect(describeTimeClaim('exp', 'soon', now)).toBeUndefined();
    expect(describeTimeClaim('exp', 1e20, now)).toBeUndefined();
    expect(relativeTime(t + 3 * 86_400 + 3600, now)).toBe('in 3 d 1 h');
    expect(relativeTime(t, now)).toBe('now');
  });
});
