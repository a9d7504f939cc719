import { calculateJwkThumbprint, importJWK, importPKCS8, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, keyFileNames, publicSigningJwk } from './key-export.ts';
import { validateJwks } from './jwks-validate.ts';

describe('generateSigningKey', () => {
  it.each(['RS384', 'ES384'] as const)(
    '%s: public JWK with thumbprint kid, private JWK and PEM that sign for it',
    async (alg) => {
      const k = await generateSigningKey(alg);
      expect(k.publicJwk).toMatchObject({ kty: alg === 'RS384' ? 'RSA' : 'EC', alg, use: 'sig', kid: k.kid });
      expect(Object.keys(k.publicJwk).sort()).toEqual(
        alg === 'RS384'
          ? ['alg', 'e', 'kid', 'kty', 'n', 'use']
          : ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'],
      );
      expect(k.kid).toBe(await calculateJwkThumbprint(k.publicJwk, 'sha256'));
      expect(k.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // What the console would write passes its own validation.
      expect(validateJwks({ keys: [k.publicJwk] })).toMatchObject({ ok: true, problems: [] });

      expect(k.privateJwk).toMatchObject({ kid: k.kid, alg, use: 'sig' });
      expect(typeof k.privateJwk.d).toBe('string');
      expect(k.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n?$/);

      const verifyKey = await importJWK(k.publicJwk, alg);
      for (const signer of [
        k.privateKey,
        await importPKCS8(k.privatePem, alg),
        await importJWK(k.privateJwk, alg),
      ]) {
        const jwt = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg }).sign(signer);
        await expect(jwtVerify(jwt, verifyKey)).resolves.toBeTruthy();
      }
    },
  );

  it('gives each key its own kid', async () => {
    const [a, b] = await Promise.all([generateSigningKey('ES384'), generateSigningKey('ES384')]);
    expect(a.kid).not.toBe(b.kid);
  });

  it('RS384 keys have a 2048-bit modulus', async () => {
    const k = await generateSigningKey('RS384');
    expect(validateJwks({ keys: [k.publicJwk] }).ok).toBe(true);
    expect(k.publicJwk.n?.length).toBe(342);
  });
});

describe('publicSigningJwk', () => {
  it('drops private members', () => {
    expect(publicSigningJwk({ kty: 'EC', crv: 'P-384', x: 'X', y: 'Y', d: 'SECRET' }, 'ES384', 'k')).toEqual({
      kty: 'EC',
      kid: 'k',
      alg: 'ES384',
      use: 'sig',
      crv: 'P-384',
      x: 'X',
      y: 'Y',
    });
    expect(publicSigningJwk({ kty: 'RSA', n: 'N', e: 'AQAB', d: 'S', p: 'P' }, 'RS384', 'k')).toEqual({
      kty: 'RSA',
      kid: 'k',
      alg: 'RS384',
      use: 'sig',
      n: 'N',
      e: 'AQAB',
    });
  });
  it('refuses a key that does not fit the algorithm', () => {
    expect(() => publicSigningJwk({ kty: 'EC', crv: 'P-256', x: 'X', y: 'Y' }, 'ES384', 'k')).toThrow(
      /P-384/,
    );
    expect(() => publicSigningJwk({ kty: 'EC', crv: 'P-384', x: 'X', y: 'Y' }, 'RS384', 'k')).toThrow(/RSA/);
  });
});

it('keyFileNames', () => {
  expect(keyFileNames('abcdefghijklmnopqrstuvwxyz')).toEqual({
    jwk: 'private-key-abcdefghijklmnop.jwk.json',
    pem: 'private-key-abcdefghijklmnop.pem',
  });
});
