// Proves a key against Aidbox as the backend service itself would use it: a client_credentials
// token request authenticated by a client assertion signed with the private key in memory
// (private_key_jwt, RFC 7523 §2.2; aidbox-docs smart-on-fhir/smart-client-authentication/
// smart-asymmetric-docs-private-key-jwt-authentication.md). Like verify.ts these requests bypass the
// console's API client: they carry the Client's own credential, never the admin's token. The
// assertion and any token obtained stay local to this module; nothing is logged or rethrown.
import { exportJWK, importJWK, importPKCS8, type JWK } from 'jose';
import {
  assertionFormFields,
  signClientAssertion,
  type AssertionAlg,
} from '../../domain/client-assertion.ts';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { failure, revokeToken, send, type ProbeOutcome } from './verify.ts';

export interface SigningKey {
  kid: string;
  alg: AssertionAlg;
  /** Never serialised: it exists only in the wizard's memory. */
  privateKey: CryptoKey;
}

export interface AssertionProbe {
  clientId: string;
  /** The token endpoint from discovery: it is both where the request goes and the assertion's `aud`. */
  tokenEndpoint: string;
  /** `DELETE {aidboxUrl}/Session` with the token ends its Session (Aidbox has no revocation endpoint). */
  aidboxUrl: string;
  key: SigningKey;
}

/** One client_credentials request with a fresh assertion; a token obtained is revoked at once. */
export async function probeAssertion(input: AssertionProbe): Promise<ProbeOutcome> {
  let assertion: string;
  try {
    assertion = await signClientAssertion(
      {
        clientId: input.clientId,
        tokenEndpoint: input.tokenEndpoint,
        kid: input.key.kid,
        alg: input.key.alg,
      },
      input.key.privateKey,
    );
  } catch {
    return { kind: 'unknown', detail: 'The console could not sign an assertion with this key.' };
  }
  const body = new URLSearchParams({ grant_type: 'client_credentials', ...assertionFormFields(assertion) });
  let res: Response;
  try {
    res = await send(input.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
    });
  } catch (e) {
    return failure(e);
  }
  if (res.ok) {
    const answer = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
    const token = typeof answer?.access_token === 'string' ? answer.access_token : undefined;
    const revoked = token ? await revokeToken(input.aidboxUrl.replace(/\/+$/, ''), token) : false;
    return {
      kind: 'accepted',
      detail: revoked
        ? 'Aidbox issued a token for an assertion signed with this key; the console revoked it at once.'
        : 'Aidbox issued a token for an assertion signed with this key, but revoking it failed: it expires on its own.',
    };
  }
  const { error, description } = await oauthAnswer(res);
  if (res.status === 401 || error === 'invalid_client') {
    // Aidbox says why (wrong kid, aud, a Client that does not opt in…): shown as text, it is no secret.
    const why = description ? `: ${description}` : '';
    return { kind: 'refused', detail: `Aidbox refused the assertion (${error}${why}).` };
  }
  if (error === 'unauthorized_client') {
    return {
      kind: 'unknown',
      detail:
        'Aidbox answered unauthorized_client: the Client may not use client_credentials, so the key could not be tested this way.',
    };
  }
  return { kind: 'unknown', detail: `Aidbox answered ${error}; the key was not tested.` };
}

/** RFC 6749 §5.2 error answer: the code, and the description when there is one. */
async function oauthAnswer(res: Response): Promise<{ error: string; description: string | undefined }> {
  const body = (await res.json().catch(() => null)) as {
    error?: unknown;
    error_description?: unknown;
  } | null;
  return {
    error: typeof body?.error === 'string' ? body.error : `HTTP ${res.status}`,
    description: typeof body?.error_description === 'string' ? body.error_description : undefined,
  };
}

/** SMART's two signing algorithms, from the public key's `alg`, else its type and curve. */
export function assertionAlgOf(jwk: PublicJwk): AssertionAlg | undefined {
  if (jwk.alg === 'RS384' || jwk.alg === 'ES384') return jwk.alg;
  if (jwk.alg !== undefined) return undefined;
  if (jwk.kty === 'RSA') return 'RS384';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'ES384';
  return undefined;
}

const PUBLIC_PARTS: Record<string, readonly string[]> = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'] };

/** Whether a private key's public half is exactly `pub` (the same modulus/exponent or point). */
export function samePublicKey(priv: JWK, pub: PublicJwk): boolean {
  const parts = typeof pub.kty === 'string' ? PUBLIC_PARTS[pub.kty] : undefined;
  if (!parts || priv.kty !== pub.kty) return false;
  const own = priv as Record<string, unknown>;
  return parts.every((m) => typeof pub[m] === 'string' && own[m] === pub[m]);
}

async function reimport(jwk: JWK, alg: AssertionAlg): Promise<CryptoKey> {
  const key = await importJWK(jwk, alg, { extractable: false });
  if (key instanceof Uint8Array) throw new Error('not an asymmetric key');
  return key;
}

export type ImportResult = { ok: true; key: SigningKey } | { ok: false; message: string };

/**
 * Imports a pasted private key (a private JWK or PKCS#8 PEM) for the new public key `pub`, for the
 * verification only. Messages never quote the text: it is private key material.
 */
export async function importPrivateKeyFor(text: string, pub: PublicJwk): Promise<ImportResult> {
  const alg = assertionAlgOf(pub);
  const kid = typeof pub.kid === 'string' ? pub.kid : '';
  if (!alg) return { ok: false, message: 'The new key is neither RS384 nor ES384, so it cannot sign here.' };
  const trimmed = text.trim();
  let key: CryptoKey;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (typeof jwk.d !== 'string') return { ok: false, message: 'This JWK has no private part (d).' };
      const imported = await importJWK({ ...jwk, alg }, alg, { extractable: true });
      if (imported instanceof Uint8Array) return { ok: false, message: 'This is not an RSA or EC key.' };
      key = imported;
    } else if (trimmed.includes('-----BEGIN PRIVATE KEY-----')) {
      key = await importPKCS8(trimmed, alg, { extractable: true });
    } else {
      return {
        ok: false,
        message: 'Paste a private JWK ({"kty": …, "d": …}) or a PKCS#8 PEM (BEGIN PRIVATE KEY).',
      };
    }
  } catch {
    return { ok: false, message: `This is not a private key the console can read for ${alg}.` };
  }
  // The public half travels inside the exported private JWK: compare it, then keep only a
  // non-extractable copy, so nothing later can read the private members back out of memory.
  try {
    const exported = await exportJWK(key);
    if (!samePublicKey(exported, pub))
      return { ok: false, message: 'This private key does not belong to the new key.' };
    return { ok: true, key: { kid, alg, privateKey: await reimport(exported, alg) } };
  } catch {
    return { ok: false, message: `This is not a private key the console can read for ${alg}.` };
  }
}
