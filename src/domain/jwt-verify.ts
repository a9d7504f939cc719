// Signature verification for the playground's token inspector. Only RS256 with a key from the
// issuer's JWKS (passed in by the caller); jku/x5u/jwk headers are never consulted because jose's
// key-function form only sees our key source. Expiry is shown by the inspector, not checked here,
// so an expired token can still be checked for authenticity.
import { compactVerify, errors, type JWTVerifyGetKey } from 'jose';
import { decodeJwt } from './jwt.ts';

export const VERIFY_ALGORITHMS = ['RS256'] as const;

export type VerifyFailure = 'malformed' | 'algorithm' | 'no-key' | 'signature' | 'keys-unavailable';

export type VerifyResult =
  { ok: true; alg: string; kid: string | undefined } | { ok: false; code: VerifyFailure; message: string };

function algorithmMessage(alg: unknown): string {
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') {
    return 'Refused: alg "none" means the token is unsigned; anyone could have written it.';
  }
  if (/^HS/i.test(alg)) {
    return `Refused: ${alg} is a shared-secret algorithm. Verifying it with the issuer's public key as the secret is the classic forgery.`;
  }
  return `Refused: alg "${alg}" is not on the allowlist (RS256).`;
}

/** Verifies the signature only. Never throws; every failure has a specific message. */
export async function verifyJwtSignature(token: string, keys: JWTVerifyGetKey): Promise<VerifyResult> {
  const decoded = decodeJwt(token);
  if (!decoded.ok || decoded.kind !== 'jwt') {
    return { ok: false, code: 'malformed', message: 'Only a JWT has a signature to verify.' };
  }
  const { alg, kid } = decoded.header;
  if (alg !== 'RS256') return { ok: false, code: 'algorithm', message: algorithmMessage(alg) };
  const kidText = typeof kid === 'string' ? kid : undefined;
  const options = { algorithms: [...VERIFY_ALGORITHMS] };
  try {
    try {
      await compactVerify(decoded.token, keys, options);
    } catch (e) {
      // No kid and several RS256 keys: try each candidate rather than give up (OpenID RP kid-absent).
      if (!(e instanceof errors.JWKSMultipleMatchingKeys)) throw e;
      let last: unknown = e;
      let verified = false;
      for await (const candidate of e) {
        try {
          await compactVerify(decoded.token, candidate, options);
          verified = true;
          break;
        } catch (inner) {
          last = inner;
        }
      }
      if (!verified) throw last;
    }
    return { ok: true, alg, kid: kidText };
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) {
      return {
        ok: false,
        code: 'no-key',
        message: kidText
          ? `No key with kid "${kidText}" in the issuer's JWKS: signed by another key, or the key was rotated.`
          : "No key in the issuer's JWKS matches this token.",
      };
    }
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      return {
        ok: false,
        code: 'signature',
        message: 'Signature invalid: the token was altered or signed by another key.',
      };
    }
    if (e instanceof errors.JOSEAlgNotAllowed)
      return { ok: false, code: 'algorithm', message: algorithmMessage(alg) };
    if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || e instanceof TypeError) {
      return { ok: false, code: 'keys-unavailable', message: "The issuer's JWKS could not be loaded." };
    }
    if (e instanceof errors.JOSEError) {
      return { ok: false, code: 'malformed', message: `The token could not be verified (${e.code}).` };
    }
    return { ok: false, code: 'keys-unavailable', message: "The issuer's JWKS could not be loaded." };
  }
}
