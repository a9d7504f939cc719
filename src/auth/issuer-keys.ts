// The issuer's signing keys for ID-token verification: our own small JWKS fetch (by kid, RS256 only)
// instead of jose's createRemoteJWKSet, which does more than the console needs. Keys come only from
// the configured jwks_uri, never from token headers.
import { errors, type JWK, type JWTVerifyGetKey } from 'jose';

/** Several keys fit a token without `kid`; id-token.ts tries each (as with jose's own error). */
export class CandidateKeys extends Error {
  constructor(readonly keys: CryptoKey[]) {
    super('Several keys of the issuer match the ID token');
  }
}

const JWKS_TIMEOUT_MS = 8_000;
/** An unknown kid re-fetches the JWKS at most this often, so a forged kid cannot hammer Aidbox. */
const JWKS_COOLDOWN_MS = 30_000;
const imported = new WeakMap<JWK, Promise<CryptoKey>>();

/** RS256 signing keys only; a `kid` in the header must match exactly (jose's LocalJWKSet rules). */
function candidates(jwks: JWK[], kid: string | undefined): JWK[] {
  return jwks.filter(
    (k) =>
      k.kty === 'RSA' &&
      (kid === undefined || k.kid === kid) &&
      (k.alg === undefined || k.alg === 'RS256') &&
      (k.use === undefined || k.use === 'sig') &&
      (!Array.isArray(k.key_ops) || k.key_ops.includes('verify')),
  );
}

/**
 * WebCrypto directly rather than jose's importJWK, which brings every JWS and JWE algorithm table.
 * Only the public modulus and exponent are taken; jose's compactVerify still checks
 * the key against RS256 (algorithm, hash, usage, 2048-bit modulus) before verifying.
 */
function toKey(jwk: JWK): Promise<CryptoKey> {
  let key = imported.get(jwk);
  if (!key) {
    key = crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    imported.set(jwk, key);
  }
  return key;
}

async function fetchJwks(jwksUri: string): Promise<JWK[]> {
  const res = await fetch(jwksUri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`The issuer's JWKS answered HTTP ${res.status}`);
  const body = (await res.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new Error("The issuer's JWKS has no keys array");
  return body.keys.filter((k): k is JWK => typeof k === 'object' && k !== null);
}

function remoteKeys(jwksUri: string): JWTVerifyGetKey {
  let jwks: Promise<JWK[]> | undefined;
  let fetchedAt = 0;
  const load = () => {
    fetchedAt = Date.now();
    jwks = fetchJwks(jwksUri);
    jwks.catch(() => (jwks = undefined)); // a failed fetch is retried next time
    return jwks;
  };
  return async (header) => {
    let found = candidates(await (jwks ?? load()), header.kid);
    // Aidbox may have rotated its key since we fetched: look again, within the cool-down.
    if (found.length === 0 && Date.now() - fetchedAt >= JWKS_COOLDOWN_MS)
      found = candidates(await load(), header.kid);
    if (found.length === 0) throw new errors.JWKSNoMatchingKey();
    if (found.length > 1) throw new CandidateKeys(await Promise.all(found.map(toKey)));
    return toKey(found[0]!);
  };
}

const keySets = new Map<string, JWTVerifyGetKey>();

/** The issuer's JWKS, fetched on demand and once per URL; re-fetched on an unknown kid. */
export function issuerKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    keys = remoteKeys(jwksUri);
    keySets.set(jwksUri, keys);
  }
  return keys;
}
