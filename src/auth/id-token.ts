// Our own ID-token validation (OIDC Core §3.1.3.7, §12.2; security.md §1.2): oidc-client-ts checks
// only `sub` and `nonce`. Runs at /callback, on refresh and on popup re-auth. The signature is
// checked with jose's `compactVerify`; the claims, including exp/nbf/iat with leeway, are checked
// here. `jwtVerify` + `createRemoteJWKSet` would do part of that twice.
import { compactVerify, errors, type JWTPayload } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { CandidateKeys } from './issuer-keys.ts';

export { issuerKeys } from './issuer-keys.ts';

export type IdTokenErrorCode =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'azp'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-at'
  | 'subject'
  | 'nonce'
  | 'changed-on-refresh';

export class IdTokenError extends Error {
  override readonly name = 'IdTokenError';
  constructor(
    readonly code: IdTokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** Key source: `issuerKeys(jwks_uri)` in the app, a local JWKS in tests. */
  keys: JWTVerifyGetKey;
  /**
   * The nonce sent in the authorization request (absent on refresh). A nonce in the token must equal
   * it; a token without one is accepted, because Aidbox documents none and PKCE S256 with an exact
   * `state` already binds the code to this tab's request (docs/decisions/0060).
   */
  nonce?: string;
  /** On refresh: the claims of the ID token the session started with. */
  previous?: JWTPayload;
  leewaySeconds?: number;
  now?: Date;
}

/** The only algorithm Aidbox signs ID tokens with; `none` and HMAC are never accepted. */
export const ALLOWED_ALGORITHMS = ['RS256'] as const;
export const DEFAULT_LEEWAY_SECONDS = 60;

function audiences(payload: JWTPayload): string[] {
  if (typeof payload.aud === 'string') return [payload.aud];
  return Array.isArray(payload.aud) ? payload.aud.filter((a) => typeof a === 'string') : [];
}

const decoder = new TextDecoder();

/** The header's `alg`, read before verifying so a wrong algorithm gets its own message. */
function headerAlg(token: string): unknown {
  const part = token.split('.')[0] ?? '';
  const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const header: unknown = JSON.parse(decoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  if (typeof header !== 'object' || header === null) throw new TypeError('not a JOSE header');
  return (header as { alg?: unknown }).alg;
}

async function verifySignature(
  token: string,
  key: Awaited<ReturnType<JWTVerifyGetKey>>,
): Promise<Uint8Array> {
  return (await compactVerify(token, key, { algorithms: [...ALLOWED_ALGORITHMS] })).payload;
}

/** compactVerify, but a token without `kid` is tried against each candidate key (OpenID RP kid-absent tests). */
async function verifyWithKeys(token: string, keys: JWTVerifyGetKey): Promise<Uint8Array> {
  try {
    return (await compactVerify(token, keys, { algorithms: [...ALLOWED_ALGORITHMS] })).payload;
  } catch (e) {
    if (!(e instanceof errors.JWKSMultipleMatchingKeys) && !(e instanceof CandidateKeys)) throw e;
    let last: unknown = e;
    const candidates: AsyncIterable<CryptoKey> | CryptoKey[] = e instanceof CandidateKeys ? e.keys : e;
    for await (const candidate of candidates) {
      try {
        return await verifySignature(token, candidate);
      } catch (inner) {
        last = inner;
      }
    }
    throw last;
  }
}

function parsePayload(bytes: Uint8Array): JWTPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new IdTokenError('malformed', 'ID token is not a valid JWT');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new IdTokenError('malformed', 'ID token is not a valid JWT');
  return payload as JWTPayload;
}

export async function validateIdToken(token: string, expect: IdTokenExpectations): Promise<JWTPayload> {
  const leeway = expect.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS;
  const now = expect.now ?? new Date();
  const nowSec = Math.floor(now.getTime() / 1000);

  let alg: unknown;
  try {
    alg = headerAlg(token);
  } catch {
    throw new IdTokenError('malformed', 'ID token is not a valid JWT');
  }
  if (typeof alg !== 'string' || !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new IdTokenError(
      'algorithm',
      `ID token has an unexpected signing algorithm (${typeof alg === 'string' ? alg : (JSON.stringify(alg) ?? 'none')})`,
    );
  }

  let payload: JWTPayload;
  try {
    // The key comes only from our key source: jku, x5u and jwk headers are never consulted by jose's
    // key-function form, so a token cannot point us at an attacker's key.
    payload = parsePayload(await verifyWithKeys(token, expect.keys));
  } catch (e) {
    if (e instanceof IdTokenError) throw e;
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw new IdTokenError('signature', 'ID token signature is invalid');
    }
    if (
      e instanceof errors.JWKSNoMatchingKey ||
      e instanceof errors.JWKSMultipleMatchingKeys ||
      e instanceof CandidateKeys
    ) {
      throw new IdTokenError('signature', 'No key of the issuer verifies the ID token');
    }
    if (e instanceof errors.JOSEAlgNotAllowed) {
      throw new IdTokenError('algorithm', `ID token has an unexpected signing algorithm (${alg})`);
    }
    if (e instanceof errors.JWSInvalid) throw new IdTokenError('malformed', 'ID token is not a valid JWT');
    throw e;
  }

  // Time claims as jose's jwtVerify checks them: exp required here, nbf optional, both with leeway.
  if (typeof payload.exp !== 'number') throw new IdTokenError('expired', 'ID token has no expiry (exp)');
  if (payload.exp <= nowSec - leeway) throw new IdTokenError('expired', 'ID token has expired');
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > nowSec + leeway)) {
    throw new IdTokenError('not-yet-valid', 'ID token is not valid yet (nbf)');
  }

  if (payload.iss !== expect.issuer) {
    throw new IdTokenError(
      'issuer',
      `ID token issuer mismatch: expected "${expect.issuer}", got "${String(payload.iss)}"`,
    );
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new IdTokenError('subject', 'ID token has no subject (sub)');
  }
  const aud = audiences(payload);
  if (!aud.includes(expect.clientId)) {
    throw new IdTokenError('audience', `ID token audience does not include "${expect.clientId}"`);
  }
  if (aud.length > 1 || payload.azp !== undefined) {
    // With several audiences the authorized party must be us (OIDC Core §3.1.3.7 steps 4–5).
    if (payload.azp !== expect.clientId) {
      throw new IdTokenError('azp', `ID token authorized party (azp) is not "${expect.clientId}"`);
    }
  }
  if (typeof payload.iat !== 'number')
    throw new IdTokenError('issued-at', 'ID token has no issued-at time (iat)');
  if (payload.iat > nowSec + leeway)
    throw new IdTokenError('issued-at', 'ID token is issued in the future (iat)');

  if (expect.nonce !== undefined && payload.nonce !== undefined && payload.nonce !== expect.nonce) {
    throw new IdTokenError('nonce', 'ID token nonce does not match the sign-in request');
  }
  if (expect.previous) {
    const before = expect.previous;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const claim of ['iss', 'sub', 'aud', 'azp', 'auth_time'] as const) {
      if (!same(payload[claim], before[claim])) {
        throw new IdTokenError('changed-on-refresh', `Refreshed ID token changed its "${claim}" claim`);
      }
    }
  }
  return payload;
}
