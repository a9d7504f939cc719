// Signing keys for tests of the key screens and rules: real RS384 pairs from WebCrypto (through
// jose), and a synthetic weak RSA key whose modulus only has the right length.
import { exportJWK, generateKeyPair } from 'jose';

/** A fresh RS384 key as a JWK with kid, alg and use; `withPrivate` exports the private half. */
export async function rsaJwk(kid: string, withPrivate = false): Promise<Record<string, string>> {
  const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
  const jwk = await exportJWK(withPrivate ? privateKey : publicKey);
  return { ...(jwk as Record<string, string>), kid, alg: 'RS384', use: 'sig' };
}

/** An RSA key whose modulus has `bits` bits (synthetic: only its length is judged). */
export function weakRsa(kid: string, bits = 1024): Record<string, string> {
  const bytes = new Uint8Array(bits / 8);
  bytes[0] = 0xc0;
  const n = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return { kty: 'RSA', kid, alg: 'RS384', use: 'sig', e: 'AQAB', n };
}
