// @vitest-environment node
// (importJWK and WebCrypto run natively in node.)
import { errors, exportJWK, generateKeyPair, type JWK } from 'jose';
import { CandidateKeys, issuerKeys } from './issuer-keys.ts';

let jwk: JWK;
let other: JWK;

beforeAll(async () => {
  const pub = async (kid: string) => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    return { ...(await exportJWK(publicKey)), kid, use: 'sig' };
  };
  jwk = await pub('k1');
  other = await pub('k2');
});

afterEach(() => vi.restoreAllMocks());

function serve(...sets: JWK[][]) {
  const spy = vi.spyOn(globalThis, 'fetch');
  for (const keys of sets) spy.mockResolvedValueOnce(Response.json({ keys }));
  return spy;
}

const header = (kid?: string) => ({ alg: 'RS256', ...(kid ? { kid } : {}) });
const token = { payload: '', signature: '' };

describe('issuerKeys', () => {
  it('fetches the JWKS once and picks the RSA key by kid', async () => {
    const fetchSpy = serve([{ kty: 'oct', k: 'x', kid: 'k1' }, jwk, other]);
    const keys = issuerKeys('http://box/jwks-a');
    expect((await keys(header('k1'), token)) as CryptoKey).toMatchObject({ type: 'public' });
    await keys(header('k2'), token);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('an unknown kid fails without a second fetch inside the cool-down', async () => {
    const fetchSpy = serve([jwk]);
    const keys = issuerKeys('http://box/jwks-b');
    await expect(keys(header('nope'), token)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('without kid, several RS256 keys are handed back as candidates', async () => {
    serve([jwk, other, { ...jwk, kid: 'enc', use: 'enc' }]);
    const error: unknown = await Promise.resolve(issuerKeys('http://box/jwks-c')(header(), token)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CandidateKeys);
    expect((error as CandidateKeys).keys).toHaveLength(2);
  });

  it('a failed fetch is retried on the next call', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    fetchSpy.mockResolvedValueOnce(new Response('down', { status: 503 }));
    fetchSpy.mockResolvedValueOnce(Response.json({ keys: [jwk] }));
    const keys = issuerKeys('http://box/jwks-d');
    await expect(keys(header('k1'), token)).rejects.toThrow('HTTP 503');
    await expect(keys(header('k1'), token)).resolves.toBeTruthy();
  });
});
