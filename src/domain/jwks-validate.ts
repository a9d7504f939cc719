/**
 * Validation of a pasted public JWK or JWK Set, and of a `jwks_uri` (issue 12 §2 "bring your own").
 *
 * Sources: RFC 7517 (JWK members; private members of RFC 7518 §6.2.2/§6.3.2/§6.4), RFC 7518 §3.3
 * (RSA keys of 2048 bits or more), SMART App Launch 2.x Backend Services ("kid … SHALL be unique
 * within the client's JWK Set"; RS384 and ES384), aidbox-docs smart-on-fhir
 * smart-asymmetric-docs-private-key-jwt-authentication.md (Client `jwks`, `jwks_uri`).
 *
 * Never echoes a member's value: a pasted private key must not reach the screen, a log or an error
 * report. `keys` holds only allow-listed public members, so nothing private can be written.
 */
export interface JwkProblem {
  /** Index of the key in the set; undefined for the input as a whole. */
  index: number | undefined;
  level: 'error' | 'warning';
  message: string;
}

export type PublicJwk = Record<string, string | string[]>;

export interface JwksValidation {
  /** Sanitized public keys of the keys without errors. */
  keys: PublicJwk[];
  problems: JwkProblem[];
  /** True when there is at least one key and no error. */
  ok: boolean;
}

export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const PUBLIC_MEMBERS = [
  'kty',
  'kid',
  'alg',
  'use',
  'key_ops',
  'n',
  'e',
  'crv',
  'x',
  'y',
  'x5c',
  'x5t',
  'x5t#S256',
  'x5u',
];
const SMART_ALGS = ['RS384', 'ES384'];
const EC_CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const MIN_RSA_BITS = 2048;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** Parse pasted text; a JSON syntax error is reported without quoting the text (it may hold a key). */
export function validateJwksText(text: string): JwksValidation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('This is not valid JSON. Paste a public JWK or a JWK Set ({"keys": [...]}).');
  }
  return validateJwks(value);
}

/** A single JWK or a JWK Set. */
export function validateJwks(value: unknown): JwksValidation {
  if (!isObject(value)) return fail('Expected a JSON object: a public JWK or a JWK Set ({"keys": [...]}).');
  let list: unknown[];
  if ('keys' in value) {
    if (!Array.isArray(value.keys)) return fail('"keys" must be an array of JWKs.');
    list = value.keys;
  } else {
    list = [value];
  }
  if (list.length === 0) return fail('The JWK Set has no keys.');
  const problems: JwkProblem[] = [];
  const keys: PublicJwk[] = [];
  const kids = new Map<string, number>();
  list.forEach((jwk, index) => {
    const own = checkKey(jwk);
    const kid = isObject(jwk) && typeof jwk.kid === 'string' ? jwk.kid : undefined;
    if (kid !== undefined) {
      const first = kids.get(kid);
      if (first !== undefined) {
        own.push({
          level: 'error',
          message: `kid "${kid}" is already used by key ${first + 1}: kids must be unique.`,
        });
      } else {
        kids.set(kid, index);
      }
    }
    for (const p of own) problems.push({ index, ...p });
    if (isObject(jwk) && !own.some((p) => p.level === 'error')) keys.push(sanitizeJwk(jwk));
  });
  return { keys, problems, ok: keys.length > 0 && !problems.some((p) => p.level === 'error') };
}

/** Only the public members, as strings (or the string arrays key_ops / x5c). */
export function sanitizeJwk(jwk: Record<string, unknown>): PublicJwk {
  const out: PublicJwk = {};
  for (const m of PUBLIC_MEMBERS) {
    const v = jwk[m];
    if (typeof v === 'string') out[m] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[m] = [...v];
  }
  return out;
}

type Problem = Omit<JwkProblem, 'index'>;

function checkKey(jwk: unknown): Problem[] {
  if (!isObject(jwk)) return [{ level: 'error', message: 'Not a JSON object.' }];
  const out: Problem[] = [];
  const err = (message: string) => out.push({ level: 'error', message });
  const priv = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (priv.length > 0) {
    err(
      `Holds private key material (${priv.join(', ')}): it is refused and never stored. Paste the public key only, and treat this private key as exposed if it was shared.`,
    );
  }
  const { kty, alg, use, kid } = jwk;
  if (typeof kid !== 'string' || kid === '') err('No kid: the client assertion names its key by kid.');
  if (use !== undefined && use !== 'sig') {
    err(`use must be "sig" for a signing key, not ${typeof use === 'string' ? `"${use}"` : 'a non-string'}.`);
  }
  if (alg !== undefined && typeof alg !== 'string') err('alg must be a string.');
  const algName = typeof alg === 'string' ? alg : undefined;
  if (kty === 'RSA') {
    if (algName && !/^(RS|PS)(256|384|512)$/.test(algName)) err(`alg ${algName} does not fit an RSA key.`);
    if (typeof jwk.e !== 'string' || !B64URL.test(jwk.e)) err('An RSA key needs its exponent e (base64url).');
    const bits = typeof jwk.n === 'string' ? rsaModulusBits(jwk.n) : undefined;
    if (bits === undefined) err('An RSA key needs its modulus n (base64url).');
    else if (bits < MIN_RSA_BITS) err(`The RSA key has ${bits} bits: at least ${MIN_RSA_BITS} are required.`);
  } else if (kty === 'EC') {
    const want = algName ? EC_CURVE[algName] : undefined;
    if (algName && !want) err(`alg ${algName} does not fit an EC key.`);
    if (typeof jwk.crv !== 'string') err('An EC key needs its curve crv.');
    else if (want && jwk.crv !== want) err(`alg ${algName} needs curve ${want}, not ${jwk.crv}.`);
    for (const m of ['x', 'y'] as const) {
      const v = jwk[m];
      if (typeof v !== 'string' || !B64URL.test(v)) err(`An EC key needs its coordinate ${m} (base64url).`);
    }
  } else if (kty === 'oct') {
    if (priv.length === 0) err('A symmetric (oct) key cannot be published: use an RSA or EC key pair.');
  } else {
    err(typeof kty === 'string' ? `Key type ${kty} is not supported: use RSA or EC.` : 'No kty (RSA or EC).');
  }
  if (algName && !SMART_ALGS.includes(algName) && out.length === 0) {
    out.push({
      level: 'warning',
      message: `alg ${algName}: SMART Backend Services requires servers to support RS384 and ES384 only, so prefer one of them.`,
    });
  }
  return out;
}

/** Bit length of a base64url RSA modulus; undefined when it is not base64url. */
export function rsaModulusBits(n: string): number | undefined {
  const bytes = base64UrlBytes(n);
  if (!bytes) return undefined;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  const first = bytes[i] ?? 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

function base64UrlBytes(s: string): Uint8Array | undefined {
  if (!B64URL.test(s) || s.length % 4 === 1) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of s) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** A problem with a `jwks_uri`, or undefined when it is usable (https; plain http only on loopback). */
export function checkJwksUri(uri: string): string | undefined {
  let u: URL;
  try {
    u = new URL(uri.trim());
  } catch {
    return 'Not an absolute URL.';
  }
  if (u.username || u.password) return 'The URL must not carry credentials.';
  if (u.hash) return 'The URL must not have a #fragment.';
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && LOOPBACK.test(u.hostname)) return undefined;
  if (u.protocol === 'http:')
    return 'jwks_uri must use https (plain http is allowed only on loopback, for development).';
  return `jwks_uri must use https, not ${u.protocol.replace(':', '')}.`;
}

/** Whether a usable jwks_uri is plain http on loopback (fine for development, a finding otherwise). */
export function isLoopbackHttp(uri: string): boolean {
  try {
    const u = new URL(uri.trim());
    return u.protocol === 'http:' && LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

function fail(message: string): JwksValidation {
  return { keys: [], problems: [{ index: undefined, level: 'error', message }], ok: false };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
