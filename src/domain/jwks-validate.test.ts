import { exportJWK, generateKeyPair } from 'jose';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRIVATE_MEMBERS,
  checkJwksUri,
  isLoopbackHttp,
  rsaModulusBits,
  sanitizeJwk,
  validateJwks,
  validateJwksText,
} from './jwks-validate.ts';

async function pair(alg: 'RS384' | 'ES384' | 'RS256', modulusLength = 2048) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength });
  return {
    pub: { ...(await exportJWK(publicKey)), alg, use: 'sig' },
    priv: { ...(await exportJWK(privateKey)), alg },
  };
}

const messages = (v: ReturnType<typeof validateJwks>) =>
  v.problems.map((p) => `${p.index ?? '-'}:${p.level}:${p.message}`);

describe('validateJwks', () => {
  it('accepts a public RS384 and ES384 key set and keeps only public members', async () => {
    const rsa = await pair('RS384');
    const ec = await pair('ES384');
    const v = validateJwks({
      keys: [
        { ...rsa.pub, kid: 'a', extra: 'x' },
        { ...ec.pub, kid: 'b' },
      ],
    });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.keys).toEqual([
      { kty: 'RSA', kid: 'a', alg: 'RS384', use: 'sig', n: rsa.pub.n, e: rsa.pub.e },
      { kty: 'EC', kid: 'b', alg: 'ES384', use: 'sig', crv: 'P-384', x: ec.pub.x, y: ec.pub.y },
    ]);
  });

  it('accepts a single JWK as a set of one', async () => {
    const { pub } = await pair('ES384');
    expect(validateJwks({ ...pub, kid: 'k' }).keys).toHaveLength(1);
  });

  it('refuses private keys without echoing any private value, and outputs nothing private', async () => {
    const rsa = await pair('RS384');
    const ec = await pair('ES384');
    const text = JSON.stringify({
      keys: [
        { ...rsa.priv, kid: 'r' },
        { ...ec.priv, kid: 'e' },
      ],
    });
    const v = validateJwksText(text);
    expect(v.ok).toBe(false);
    expect(v.keys).toEqual([]);
    expect(v.problems.map((p) => p.index)).toEqual([0, 1]);
    expect(v.problems[0]?.message).toMatch(/private key material \(d, p, q, dp, dq, qi\)/);
    expect(v.problems[1]?.message).toMatch(/private key material \(d\)/);
    const all = JSON.stringify(v);
    for (const value of [
      rsa.priv.d,
      rsa.priv.p,
      rsa.priv.q,
      rsa.priv.dp,
      rsa.priv.dq,
      rsa.priv.qi,
      ec.priv.d,
    ]) {
      expect(value && value.length > 10).toBe(true);
      expect(all).not.toContain(value);
    }
  });

  it('sanitizeJwk never keeps a private member', () => {
    const withAll = Object.fromEntries([...PRIVATE_MEMBERS, 'kty', 'n'].map((m) => [m, `v-${m}`]));
    expect(Object.keys(sanitizeJwk(withAll)).sort()).toEqual(['kty', 'n']);
  });

  it('refuses a symmetric key, quoting neither k nor the text', () => {
    const v = validateJwksText('{"kty":"oct","kid":"s","k":"c2VjcmV0LXZhbHVlLTEyMzQ1"}');
    expect(messages(v)).toEqual([expect.stringMatching(/^0:error:Holds private key material \(k\)/)]);
    expect(JSON.stringify(v)).not.toContain('c2VjcmV0');
  });

  it('reports invalid JSON without quoting it', () => {
    const v = validateJwksText('{"kty":"RSA","d":"TOPSECRETVALUE"');
    expect(v.ok).toBe(false);
    expect(JSON.stringify(v)).not.toContain('TOPSECRET');
  });

  it('refuses duplicate kids, naming the first key', async () => {
    const a = await pair('ES384');
    const b = await pair('ES384');
    const v = validateJwks({
      keys: [
        { ...a.pub, kid: 'same' },
        { ...b.pub, kid: 'same' },
      ],
    });
    expect(messages(v)).toEqual(['1:error:kid "same" is already used by key 1: kids must be unique.']);
    expect(v.keys).toHaveLength(1);
    expect(v.ok).toBe(false);
  });

  it('refuses RSA keys under 2048 bits, at the exact boundary', () => {
    const modulus = (bytes: number, first: number, leadingZero = false) => {
      const b = new Uint8Array(bytes + (leadingZero ? 1 : 0)).fill(0xab);
      if (leadingZero) b[0] = 0;
      b[leadingZero ? 1 : 0] = first;
      return btoa(String.fromCharCode(...b))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    };
    const key = (n: string) => ({ kty: 'RSA', kid: 'w', alg: 'RS384', e: 'AQAB', n });
    expect(messages(validateJwks(key(modulus(256, 0x7f))))).toEqual([
      '0:error:The RSA key has 2047 bits: at least 2048 are required.',
    ]);
    expect(messages(validateJwks(key(modulus(128, 0xc0))))).toEqual([
      '0:error:The RSA key has 1024 bits: at least 2048 are required.',
    ]);
    expect(validateJwks(key(modulus(256, 0x80))).ok).toBe(true);
    // A sign byte (leading zero) does not count.
    expect(validateJwks(key(modulus(256, 0x80, true))).problems).toEqual([]);
    expect(messages(validateJwks(key(modulus(256, 0x7f, true))))[0]).toMatch(/2047 bits/);
  });

  it('checks that kty, alg, crv and use agree', async () => {
    const rsa = await pair('RS384');
    const ec = await pair('ES384');
    const v = validateJwks({
      keys: [
        { ...rsa.pub, kid: '1', alg: 'ES384' },
        { ...ec.pub, kid: '2', alg: 'RS384' },
        { ...ec.pub, kid: '3', alg: 'ES256' },
        { ...ec.pub, kid: '4', use: 'enc' },
        { ...rsa.pub, kid: '5', alg: 'RS256' },
        { kid: '6', kty: 'OKP', crv: 'Ed25519', x: 'abc' },
        { kid: '7' },
        { ...rsa.pub, kid: '' },
        { kty: 'RSA', kid: '9', e: 'AQAB' },
        { kty: 'EC', kid: '10', crv: 'P-384', x: 'a' },
        'nope',
      ],
    });
    expect(messages(v)).toEqual([
      '0:error:alg ES384 does not fit an RSA key.',
      '1:error:alg RS384 does not fit an EC key.',
      '2:error:alg ES256 needs curve P-256, not P-384.',
      '3:error:use must be "sig" for a signing key, not "enc".',
      '4:warning:alg RS256: SMART Backend Services requires servers to support RS384 and ES384 only, so prefer one of them.',
      '5:error:Key type OKP is not supported: use RSA or EC.',
      '6:error:No kty (RSA or EC).',
      '7:error:No kid: the client assertion names its key by kid.',
      '8:error:An RSA key needs its modulus n (base64url).',
      '9:error:An EC key needs its coordinate y (base64url).',
      '10:error:Not a JSON object.',
    ]);
    expect(v.keys.map((k) => k.kid)).toEqual(['5']);
  });

  it('refuses shapes that are no JWK or JWKS', () => {
    expect(messages(validateJwks([]))[0]).toMatch(/Expected a JSON object/);
    expect(messages(validateJwks({ keys: {} }))[0]).toMatch(/"keys" must be an array/);
    expect(messages(validateJwks({ keys: [] }))[0]).toMatch(/no keys/);
  });
});

describe('rsaModulusBits', () => {
  it.each([
    ['AQ', 1],
    ['gA', 8],
    ['AIA', 8],
    ['_w', 8],
    ['AQAB', 17],
    ['AAAA', 0],
  ])('%s has %i bits', (n, bits) => {
    expect(rsaModulusBits(n)).toBe(bits);
  });
  it('refuses non-base64url', () => {
    expect(rsaModulusBits('ab+/')).toBeUndefined();
    expect(rsaModulusBits('abcde')).toBeUndefined();
  });
  it('measures a real 3072-bit modulus', async () => {
    const { pub } = await pair('RS384', 3072);
    expect(rsaModulusBits(pub.n ?? '')).toBe(3072);
  });
});

describe('checkJwksUri', () => {
  it.each([
    ['https://app.example.org/.well-known/jwks.json', undefined],
    ['http://localhost:8080/jwks', undefined],
    ['http://127.0.0.1/jwks', undefined],
    ['http://[::1]:9000/jwks', undefined],
    ['http://app.example.org/jwks', /must use https/],
    ['ftp://app.example.org/jwks', /not ftp/],
    ['https://user:pw@app.example.org/jwks', /credentials/],
    ['https://app.example.org/jwks#x', /fragment/],
    ['/jwks', /absolute/],
  ])('%s', (uri, problem) => {
    const r = checkJwksUri(uri);
    if (problem === undefined) expect(r).toBeUndefined();
    else expect(r).toMatch(problem);
  });
  it('isLoopbackHttp', () => {
    expect(isLoopbackHttp('http://localhost/j')).toBe(true);
    expect(isLoopbackHttp('https://localhost/j')).toBe(false);
    expect(isLoopbackHttp('nope')).toBe(false);
  });
});

describe('properties', () => {
  it('no private member value ever reaches the output', () => {
    const secret = fc.string({ minLength: 12 }).map((s) => `SECRET${s}`);
    const member = fc.constantFrom(...PRIVATE_MEMBERS);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(member, secret), { minLength: 1 }),
        fc.constantFrom('RSA', 'EC', 'oct'),
        (privs, kty) => {
          const jwk: Record<string, unknown> = {
            kty,
            kid: 'k',
            n: 'AQAB',
            e: 'AQAB',
            crv: 'P-384',
            x: 'AA',
            y: 'AA',
          };
          for (const [m, v] of privs) jwk[m] = v;
          const out = JSON.stringify([validateJwks({ keys: [jwk] }), validateJwksText(JSON.stringify(jwk))]);
          expect(out).not.toContain('SECRET');
          expect(validateJwks(jwk).ok).toBe(false);
        },
      ),
    );
  });
});
