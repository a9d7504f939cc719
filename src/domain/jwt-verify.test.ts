// @vitest-environment node
// (jose and WebCrypto run natively in node.)
import {
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { verifyJwtSignature } from './jwt-verify.ts';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let key: PrivateKey;
let other: PrivateKey;
let publicPem: string;
let keys: JWTVerifyGetKey;
let twoKeys: JWTVerifyGetKey;

const publicOnly = (j: JWK): JWK => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = j;
  return rest;
};

beforeAll(async () => {
  const a = await generateKeyPair('RS256', { extractable: true });
  const b = await generateKeyPair('RS256', { extractable: true });
  key = a.privateKey;
  other = b.privateKey;
  publicPem = await exportSPKI(a.publicKey);
  const jwkA = { ...publicOnly(await exportJWK(a.publicKey)), kid: 'k1', alg: 'RS256' };
  const jwkB = { ...publicOnly(await exportJWK(b.publicKey)), kid: 'k2', alg: 'RS256' };
  keys = createLocalJWKSet({ keys: [jwkA] });
  twoKeys = createLocalJWKSet({
    keys: [
      { ...jwkB, kid: undefined },
      { ...jwkA, kid: undefined },
    ],
  });
});

const sign = (k: PrivateKey | Uint8Array, header: Record<string, unknown>) =>
  new SignJWT({ sub: 'admin', exp: 1 }).setProtectedHeader({ alg: 'RS256', ...header }).sign(k);

const b64 = (v: unknown) =>
  btoa(JSON.stringify(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('verifyJwtSignature', () => {
  it('verifies an RS256 token against the issuer JWKS, even when it is expired', async () => {
    expect(await verifyJwtSignature(await sign(key, { kid: 'k1' }), keys)).toEqual({
      ok: true,
      alg: 'RS256',
      kid: 'k1',
    });
  });

  it('tries each key when the token has no kid and the JWKS has several', async () => {
    expect(await verifyJwtSignature(await sign(key, {}), twoKeys)).toMatchObject({ ok: true });
  });

  it('refuses alg none without looking at keys', async () => {
    const getKey = vi.fn(keys);
    const token = `${b64({ alg: 'none' })}.${b64({ sub: 'admin' })}.`;
    const r = await verifyJwtSignature(token, getKey);
    expect(r).toMatchObject({ ok: false, code: 'algorithm' });
    expect(!r.ok && r.message).toMatch(/unsigned/);
    expect(getKey).not.toHaveBeenCalled();
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const token = await new SignJWT({ sub: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode(publicPem));
    const r = await verifyJwtSignature(token, keys);
    expect(r).toMatchObject({ ok: false, code: 'algorithm' });
    expect(!r.ok && r.message).toMatch(/shared-secret/);
  });

  it('refuses unexpected algorithms like RS512 or ES256', async () => {
    const token = `${b64({ alg: 'ES256', kid: 'k1' })}.${b64({ sub: 'x' })}.c2ln`;
    expect(await verifyJwtSignature(token, keys)).toMatchObject({ ok: false, code: 'algorithm' });
  });

  it('reports a kid that is not in the JWKS', async () => {
    const r = await verifyJwtSignature(await sign(other, { kid: 'k9' }), keys);
    expect(r).toMatchObject({ ok: false, code: 'no-key' });
    expect(!r.ok && r.message).toMatch(/k9/);
  });

  it('rejects a token signed by another key under the right kid', async () => {
    expect(await verifyJwtSignature(await sign(other, { kid: 'k1' }), keys)).toMatchObject({
      ok: false,
      code: 'signature',
    });
  });

  it('ignores jku, x5u and jwk headers: no fetch, the attacker key is never used', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const attackerJwk = publicOnly(await exportJWK(other));
    const token = await sign(other, { kid: 'k1', jku: 'https://evil.example/jwks', jwk: attackerJwk });
    expect(await verifyJwtSignature(token, keys)).toMatchObject({ ok: false, code: 'signature' });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await sign(key, { kid: 'k1' })).split('.');
    const r = await verifyJwtSignature(`${h}.${b64({ sub: 'root' })}.${s}`, keys);
    expect(r).toMatchObject({ ok: false, code: 'signature' });
  });

  it('answers malformed input and unreachable keys with a result, never an exception', async () => {
    expect(await verifyJwtSignature('not-a-jwt', keys)).toMatchObject({ ok: false, code: 'malformed' });
    expect(await verifyJwtSignature('eyJ' + 'a'.repeat(100_000), keys)).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    const failing: JWTVerifyGetKey = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await verifyJwtSignature(await sign(key, { kid: 'k1' }), failing)).toMatchObject({
      ok: false,
      code: 'keys-unavailable',
    });
  });
});
