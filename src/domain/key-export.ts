/**
 * Key pairs generated in the browser for a SMART backend service or confidential asymmetric app
 * (issue 12 §2 "generate in the browser"). RS384 and ES384 are the algorithms SMART App Launch 2.x
 * Backend Services requires servers to support. WebCrypto does the work (through jose); the private
 * key is extractable only so that it can be shown once and downloaded as a JWK and as PEM (PKCS#8):
 * callers must never store it, send it or put it in the query cache.
 */
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, type JWK } from 'jose';

export type SmartSigningAlg = 'RS384' | 'ES384';

export interface PublicSigningJwk {
  kty: 'RSA' | 'EC';
  kid: string;
  alg: SmartSigningAlg;
  use: 'sig';
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
}

export interface GeneratedSigningKey {
  alg: SmartSigningAlg;
  kid: string;
  /** For the Client's `jwks`. */
  publicJwk: PublicSigningJwk;
  /** The private key for signing assertions in this page (memory only). */
  privateKey: CryptoKey;
  /** For the one-time download. */
  privateJwk: JWK;
  /** PKCS#8 PEM for the one-time download. */
  privatePem: string;
}

/** RSA modulus for generated keys: RFC 7518 §3.3 requires at least 2048 bits. */
export const RSA_MODULUS_BITS = 2048;

export async function generateSigningKey(alg: SmartSigningAlg): Promise<GeneratedSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    modulusLength: RSA_MODULUS_BITS,
  });
  const pub = await exportJWK(publicKey);
  const publicJwk = publicSigningJwk(pub, alg, await calculateJwkThumbprint(pub, 'sha256'));
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: publicJwk.kid, alg, use: 'sig' };
  return {
    alg,
    kid: publicJwk.kid,
    publicJwk,
    privateKey,
    privateJwk,
    privatePem: await exportPKCS8(privateKey),
  };
}

/** Only the public members of an exported key, with kid (RFC 7638 thumbprint), alg and use. */
export function publicSigningJwk(jwk: JWK, alg: SmartSigningAlg, kid: string): PublicSigningJwk {
  if (alg === 'RS384') {
    if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new Error('Expected an RSA public key');
    return { kty: 'RSA', kid, alg, use: 'sig', n: jwk.n, e: jwk.e };
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-384' || !jwk.x || !jwk.y)
    throw new Error('Expected a P-384 public key');
  return { kty: 'EC', kid, alg, use: 'sig', crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/** File names for the one-time download, from the kid (a thumbprint: base64url, safe in a name). */
export function keyFileNames(kid: string): { jwk: string; pem: string } {
  const stem = `private-key-${kid.slice(0, 16)}`;
  return { jwk: `${stem}.jwk.json`, pem: `${stem}.pem` };
}
