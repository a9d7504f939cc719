/**
 * The client assertion a backend service signs to authenticate (`private_key_jwt`, RFC 7523 §3;
 * SMART App Launch 2.x Backend Services; aidbox-docs smart-on-fhir
 * smart-asymmetric-docs-private-key-jwt-authentication.md): header `alg` RS384 or ES384, `typ: JWT`,
 * `kid`; claims `iss` = `sub` = client id, `aud` = the token endpoint, `exp` at most five minutes
 * ahead, a fresh `jti`. Pure except for the signature and the random jti (WebCrypto).
 * Aidbox's docs fix alg to RS384; devbox's alternate reading also takes ES384.
 */
import { SignJWT } from 'jose';

export type AssertionAlg = 'RS384' | 'ES384';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** SMART Backend Services: "exp … no more than five minutes in the future". */
export const MAX_LIFETIME_SECONDS = 300;

export interface AssertionInput {
  clientId: string;
  tokenEndpoint: string;
  kid: string;
  alg: AssertionAlg;
  /** Seconds since the epoch; defaults to the clock. */
  now?: number;
  /** Defaults to and may not exceed 300. */
  lifetimeSeconds?: number;
  /** Defaults to a random UUID. */
  jti?: string;
}

export interface AssertionHeader {
  alg: AssertionAlg;
  typ: 'JWT';
  kid: string;
}

export interface AssertionClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  jti: string;
}

/** Header and claims, for the playground to show before signing. Throws on unusable input. */
export function assertionParts(input: AssertionInput): { header: AssertionHeader; claims: AssertionClaims } {
  if (!input.clientId) throw new Error('A client id is needed (iss and sub).');
  if (!input.kid) throw new Error('A kid is needed: the server picks the key by it.');
  if (input.alg !== 'RS384' && input.alg !== 'ES384')
    throw new Error('The algorithm must be RS384 or ES384.');
  let aud: URL;
  try {
    aud = new URL(input.tokenEndpoint);
  } catch {
    throw new Error('The token endpoint must be an absolute URL.');
  }
  if (aud.protocol !== 'https:' && aud.protocol !== 'http:')
    throw new Error('The token endpoint must be http(s).');
  const lifetime = input.lifetimeSeconds ?? MAX_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime <= 0 || lifetime > MAX_LIFETIME_SECONDS) {
    throw new Error(`The lifetime must be 1 to ${MAX_LIFETIME_SECONDS} seconds.`);
  }
  const now = Math.floor(input.now ?? Date.now() / 1000);
  return {
    header: { alg: input.alg, typ: 'JWT', kid: input.kid },
    claims: {
      iss: input.clientId,
      sub: input.clientId,
      aud: input.tokenEndpoint,
      exp: now + lifetime,
      iat: now,
      jti: input.jti ?? crypto.randomUUID(),
    },
  };
}

/** The signed compact JWT. `key` is a private CryptoKey for `input.alg`. */
export async function signClientAssertion(input: AssertionInput, key: CryptoKey): Promise<string> {
  const { header, claims } = assertionParts(input);
  return new SignJWT({ ...claims }).setProtectedHeader({ ...header }).sign(key);
}

/** The form fields of the token request that authenticate with the assertion (RFC 7523 §2.2). */
export function assertionFormFields(assertion: string): Record<string, string> {
  return { client_assertion_type: ASSERTION_TYPE, client_assertion: assertion };
}
