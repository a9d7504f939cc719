import { decodeProtectedHeader, generateKeyPair, importJWK, jwtVerify, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ASSERTION_TYPE,
  MAX_LIFETIME_SECONDS,
  assertionFormFields,
  assertionParts,
  signClientAssertion,
  type AssertionInput,
} from './client-assertion.ts';

const base: AssertionInput = {
  clientId: 'bulk-exporter',
  tokenEndpoint: 'https://aidbox.example.org/auth/token',
  kid: 'key-1',
  alg: 'RS384',
  now: 1_700_000_000,
  jti: 'fixed-jti',
};

describe('assertionParts', () => {
  it('builds the RFC 7523 / SMART Backend Services header and claims', () => {
    expect(assertionParts(base)).toEqual({
      header: { alg: 'RS384', typ: 'JWT', kid: 'key-1' },
      claims: {
        iss: 'bulk-exporter',
        sub: 'bulk-exporter',
        aud: 'https://aidbox.example.org/auth/token',
        exp: 1_700_000_000 + MAX_LIFETIME_SECONDS,
        iat: 1_700_000_000,
        jti: 'fixed-jti',
      },
    });
  });

  it('takes a shorter lifetime and floors a fractional clock', () => {
    const { claims } = assertionParts({ ...base, now: 1_700_000_000.9, lifetimeSeconds: 60 });
    expect([claims.iat, claims.exp]).toEqual([1_700_000_000, 1_700_000_060]);
  });

  it('defaults to the clock and a random jti per assertion', () => {
    const input = { ...base, now: undefined, jti: undefined };
    const before = Math.floor(Date.now() / 1000);
    const a = assertionParts(input).claims;
    const b = assertionParts(input).claims;
    expect(a.iat).toBeGreaterThanOrEqual(before);
    expect(a.exp - a.iat).toBe(300);
    expect(a.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.jti).not.toBe(b.jti);
  });

  it.each([
    [{ lifetimeSeconds: 301 }, /1 to 300/],
    [{ lifetimeSeconds: 0 }, /1 to 300/],
    [{ lifetimeSeconds: 1.5 }, /1 to 300/],
    [{ clientId: '' }, /client id/],
    [{ kid: '' }, /kid/],
    [{ alg: 'HS256' as 'RS384' }, /RS384 or ES384/],
    [{ tokenEndpoint: '/auth/token' }, /absolute URL/],
    [{ tokenEndpoint: 'javascript:alert(1)' }, /http\(s\)/],
  ])('refuses %o', (patch, message) => {
    expect(() => assertionParts({ ...base, ...patch })).toThrow(message);
  });
});

describe('signClientAssertion', () => {
  it.each(['RS384', 'ES384'] as const)('signs with %s so the public key verifies it', async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    const now = Math.floor(Date.now() / 1000);
    const jwt = await signClientAssertion({ ...base, alg, now }, privateKey);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg, typ: 'JWT', kid: 'key-1' });
    const { payload } = await jwtVerify(jwt, publicKey, {
      algorithms: [alg],
      issuer: 'bulk-exporter',
      subject: 'bulk-exporter',
      audience: 'https://aidbox.example.org/auth/token',
      typ: 'JWT',
    });
    expect(payload.jti).toBe('fixed-jti');
    expect(payload.exp).toBe(now + 300);
  });

  it('fails with another key (the signature is real)', async () => {
    const signer = await generateKeyPair('ES384');
    const other = await generateKeyPair('ES384', { extractable: true });
    const jwt = await signClientAssertion(
      { ...base, alg: 'ES384', now: Math.floor(Date.now() / 1000) },
      signer.privateKey,
    );
    const otherPublic = await importJWK(await exportJWK(other.publicKey), 'ES384');
    await expect(jwtVerify(jwt, otherPublic)).rejects.toThrow(/signature/);
  });

  it('refuses a key of the other algorithm', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    await expect(signClientAssertion({ ...base, alg: 'RS384' }, privateKey)).rejects.toThrow();
  });
});

it('assertionFormFields names the RFC 7523 assertion type', () => {
  expect(assertionFormFields('a.b.c')).toEqual({
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: 'a.b.c',
  });
  expect(ASSERTION_TYPE).toContain('jwt-bearer');
});
