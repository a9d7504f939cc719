// A private key pasted into the backend-services flow: a private JWK (alone, in a JWKS, or inside
// devbox's demo key file), or a PKCS#8 PEM. It becomes a non-extractable CryptoKey at once, so
// the text itself is needed for nothing else. Error messages name what is wrong, never the text.
import { importJWK, importPKCS8, type JWK } from 'jose';
import type { AssertionAlg } from '../../domain/client-assertion.ts';

export interface ImportedKey {
  key: CryptoKey;
  alg: AssertionAlg;
  /** From the JWK; a PEM carries none. */
  kid: string | undefined;
}

export class KeyImportError extends Error {}

const ALGS: readonly AssertionAlg[] = ['RS384', 'ES384'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The private JWK inside what was pasted: a JWK, `{keys: [one]}` or devbox's `{privateJwk}` file. */
function privateJwkOf(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new KeyImportError('Expected a JSON object (a private JWK).');
  if (isRecord(value.privateJwk)) return value.privateJwk;
  if (Array.isArray(value.keys)) {
    const keys = value.keys.filter(isRecord).filter((k) => typeof k.d === 'string');
    if (keys.length !== 1) {
      throw new KeyImportError('The key set must hold exactly one private key: paste that key alone.');
    }
    return keys[0] as Record<string, unknown>;
  }
  return value;
}

/** RS384 for RSA, ES384 for EC P-384: the two SMART Backend Services names (others cannot sign here). */
function algOfJwk(jwk: Record<string, unknown>): AssertionAlg {
  if (typeof jwk.alg === 'string') {
    const alg = ALGS.find((a) => a === jwk.alg);
    if (!alg) {
      throw new KeyImportError(
        `The key is for ${jwk.alg}; SMART client assertions use RS384 or ES384. Generate a new key.`,
      );
    }
    return alg;
  }
  if (jwk.kty === 'RSA') return 'RS384';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'ES384';
  throw new KeyImportError('Only RSA and EC P-384 keys can sign a SMART client assertion.');
}

async function fromJwk(text: string): Promise<ImportedKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never V8's message: it quotes the text around the error, which is key material.
    throw new KeyImportError('The key is not valid JSON.');
  }
  const jwk = privateJwkOf(parsed);
  if (typeof jwk.d !== 'string') {
    throw new KeyImportError('This is a public key (no "d" member): paste the private key.');
  }
  const alg = algOfJwk(jwk);
  try {
    const key = await importJWK({ ...(jwk as JWK), alg }, alg, { extractable: false });
    if (key instanceof Uint8Array) throw new KeyImportError('Not an asymmetric key.');
    return { key, alg, kid: typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : undefined };
  } catch (e) {
    if (e instanceof KeyImportError) throw e;
    throw new KeyImportError(`The JWK is not a usable ${alg} private key.`);
  }
}

async function fromPem(text: string, preferred: AssertionAlg | undefined): Promise<ImportedKey> {
  if (/BEGIN (RSA |EC )PRIVATE KEY/.test(text)) {
    throw new KeyImportError(
      'This is a PKCS#1/SEC 1 PEM. Convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt) and paste that.',
    );
  }
  if (/BEGIN ENCRYPTED PRIVATE KEY/.test(text)) {
    throw new KeyImportError('Encrypted keys are not supported: paste an unencrypted PKCS#8 PEM.');
  }
  if (!/BEGIN PRIVATE KEY/.test(text)) {
    throw new KeyImportError('Paste a private JWK (JSON) or a PKCS#8 PEM (BEGIN PRIVATE KEY).');
  }
  // A PEM does not say its algorithm: try the preferred one (the Client key's), then the other.
  const order = preferred ? [preferred, ...ALGS.filter((a) => a !== preferred)] : ALGS;
  for (const alg of order) {
    try {
      return { key: await importPKCS8(text, alg, { extractable: false }), alg, kid: undefined };
    } catch {
      // not this algorithm; try the next
    }
  }
  throw new KeyImportError('The PEM is not an RSA or EC P-384 private key.');
}

/** Imports the pasted text. `preferredAlg` decides a PEM's algorithm when both could fit. */
export async function importPrivateKey(text: string, preferredAlg?: AssertionAlg): Promise<ImportedKey> {
  const t = text.trim();
  if (t === '') throw new KeyImportError('Paste a private key first.');
  return t.startsWith('{') ? fromJwk(t) : fromPem(t, preferredAlg);
}
