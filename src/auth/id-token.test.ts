// @vitest-environment node
// (jose and WebCrypto run natively in node; jsdom's realm would only add noise.)
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyObject,
} from 'jose';
import { IdTokenError, validateIdToken, type IdTokenErrorCode } from './id-token.ts';

const ISS = 'http://127.0.0.1:8888';
const CLIENT = 'aidbox-console';
const NOW = new Date('2026-06-01T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

type Key = CryptoKey | KeyObject;
let key: Key;
let otherKey: Key;
let jwk: JWK;
let otherJwk: JWK;

beforeAll(async () => {
  ({ privateKey: key } = await generateKeyPair('RS256', { extractable: true }));
  ({ privateKey: otherKey } = await generateKeyPair('RS256', { extractable: true }));
  jwk = { ...(await exportJWK(key)), kid: 'k1', alg: 'RS256', use: 'sig' };
  otherJwk = { ...(await exportJWK(otherKey)), kid: 'k2', alg: 'RS256', use: 'sig' };
  // public parts only
  for (const j of [jwk, otherJwk]) for (const p of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) delete j[p];
});

const claims = (over: JWTPayload = {}): JWTPayload => ({
  iss: ISS,
  sub: 'admin',
  aud: CLIENT,
  iat: T - 10,
  exp: T + 300,
  nonce: 'n-123',
  ...over,
});

function drop(payload: JWTPayload, name: string): JWTPayload {
  const copy = { ...payload };
  delete copy[name];
  return copy;
}

async function sign(
  payload: JWTPayload,
  header: Record<string, unknown> = {},
  signingKey: Key = key,
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(signingKey);
}

const b64 = (o: unknown) =>
  btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

const keys = () => createLocalJWKSet({ keys: [jwk] });
const expectations = (over = {}) => ({
  issuer: ISS,
  clientId: CLIENT,
  keys: keys(),
  nonce: 'n-123',
  now: NOW,
  ...over,
});

async function codeOf(p: Promise<unknown>): Promise<IdTokenErrorCode | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof IdTokenError) return e.code;
    throw e;
  }
}

describe('validateIdToken', () => {
  it('accepts a good token and returns its claims', async () => {
    await expect(validateIdToken(await sign(claims()), expectations())).resolves.toMatchObject({
      sub: 'admin',
    });
  });

  const cases: Array<[string, () => Promise<string>, IdTokenErrorCode | 'ok', object?]> = [
    ['issuer differs', () => sign(claims({ iss: 'http://evil' })), 'issuer'],
    ['issuer with trailing slash', () => sign(claims({ iss: `${ISS}/` })), 'issuer'],
    ['aud lacks our client', () => sign(claims({ aud: 'other' })), 'audience'],
    ['no aud', () => sign(drop(claims(), 'aud')), 'audience'],
    ['extra audience without azp', () => sign(claims({ aud: [CLIENT, 'other'] })), 'azp'],
    ['extra audience with wrong azp', () => sign(claims({ aud: [CLIENT, 'other'], azp: 'other' })), 'azp'],
    ['extra audience with our azp', () => sign(claims({ aud: [CLIENT, 'other'], azp: CLIENT })), 'ok'],
    ['no sub', () => sign(drop(claims(), 'sub')), 'subject'],
    ['no iat', () => sign(drop(claims(), 'iat')), 'issued-at'],
    ['iat 5 min in the future', () => sign(claims({ iat: T + 300 })), 'issued-at'],
    ['no exp', () => sign(drop(claims(), 'exp')), 'expired'],
    ['exp 2 min ago (beyond 60 s leeway)', () => sign(claims({ exp: T - 120 })), 'expired'],
    ['exp 30 s ago (within leeway)', () => sign(claims({ exp: T - 30 })), 'ok'],
    ['nbf 1 h ahead', () => sign(claims({ nbf: T + 3600 })), 'not-yet-valid'],
    [
      'nonce missing (Aidbox documents none; PKCE and state bind the code)',
      () => sign(drop(claims(), 'nonce')),
      'ok',
    ],
    ['nonce different', () => sign(claims({ nonce: 'other' })), 'nonce'],
    ['signed by another key with our kid', () => sign(claims(), {}, otherKey), 'signature'],
    ['unknown kid', () => sign(claims(), { kid: 'nope' }), 'signature'],
    ['no kid, single-key JWKS', () => sign(claims(), { kid: undefined }), 'ok'],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await sign(claims())).split('.');
        return `${h}.${b64(claims({ sub: 'root' }))}.${s}`;
      },
      'signature',
    ],
    ['alg none', () => Promise.resolve(`${b64({ alg: 'none' })}.${b64(claims())}.`), 'algorithm'],
    [
      'HS256 (key confusion)',
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode('x'.repeat(32))),
      'algorithm',
    ],
    ['not a JWT', () => Promise.resolve('abc'), 'malformed'],
  ];

  it.each(cases.map(([n, make, expected, over]) => ({ n, make, expected, over })))(
    '$n → $expected',
    async ({ make, expected, over }) => {
      expect(await codeOf(validateIdToken(await make(), expectations(over)))).toBe(expected);
    },
  );

  it('verifies without kid against several keys by trying them', async () => {
    const token = await sign(claims(), { kid: undefined });
    const both = createLocalJWKSet({ keys: [otherJwk, jwk] });
    expect(await codeOf(validateIdToken(token, expectations({ keys: both })))).toBe('ok');
  });

  it('ignores jku, x5u and jwk headers (no fetch, attacker key not used)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const attackerJwk = { ...otherJwk };
    const token = await sign(
      claims(),
      { kid: 'k1', jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert', jwk: attackerJwk },
      otherKey,
    );
    expect(await codeOf(validateIdToken(token, expectations()))).toBe('signature');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('on refresh requires iss, sub, aud, azp and auth_time to stay the same', async () => {
    const previous = claims({ auth_time: T - 100 });
    const refreshed = { nonce: undefined, previous };
    const same = await sign(claims({ auth_time: T - 100, nonce: undefined }));
    expect(await codeOf(validateIdToken(same, expectations(refreshed)))).toBe('ok');
    for (const change of [{ sub: 'root' }, { auth_time: T }, { aud: [CLIENT, 'x'], azp: CLIENT }]) {
      const token = await sign(claims({ auth_time: T - 100, ...change }));
      expect(await codeOf(validateIdToken(token, expectations(refreshed)))).toBe('changed-on-refresh');
    }
  });
});
