// Pure JWT decoding for the token playground: never throws, never trusts. Every malformed input
// gets its own message (security.md §9.E item 78) so a developer learns what is wrong with it.

/** Longer input is refused before any work, so a pasted 5 MB blob cannot freeze the page. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

export type JwtDecodeErrorCode =
  | 'empty'
  | 'too-large'
  | 'whitespace'
  | 'segments'
  | 'encrypted'
  | 'base64url'
  | 'utf8'
  | 'header-json'
  | 'payload-json'
  | 'header-not-object'
  | 'payload-not-object';

export type JsonObject = Record<string, unknown>;

export type JwtDecodeResult =
  | {
      ok: true;
      kind: 'jwt';
      token: string;
      header: JsonObject;
      payload: JsonObject;
      /** Specific warnings about the header (alg none, key-pointing headers). */
      warnings: string[];
    }
  | { ok: true; kind: 'opaque'; token: string; length: number }
  | { ok: false; code: JwtDecodeErrorCode; message: string };

const B64URL = /^[A-Za-z0-9_-]*$/;
const OPAQUE = /^[A-Za-z0-9._~+/=-]+$/;

/** Base64url → bytes; undefined for anything outside RFC 4648 §5 (padding-free) form. */
export function base64UrlToBytes(segment: string): Uint8Array | undefined {
  if (!B64URL.test(segment) || segment.length % 4 === 1) return undefined;
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

type SegmentResult =
  { ok: true; value: JsonObject } | { ok: false; code: JwtDecodeErrorCode; message: string };

function decodeSegment(segment: string, part: 'header' | 'payload'): SegmentResult {
  const bytes = base64UrlToBytes(segment);
  if (!bytes) {
    return {
      ok: false,
      code: 'base64url',
      message: `The ${part} is not valid base64url (allowed: A–Z a–z 0–9 - _, no padding).`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'utf8', message: `The ${part} does not decode to UTF-8 text.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      code: part === 'header' ? 'header-json' : 'payload-json',
      message: `The ${part} decodes, but it is not JSON.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return {
      ok: false,
      code: part === 'header' ? 'header-not-object' : 'payload-not-object',
      message: `The ${part} is JSON ${what}, not a JSON object.`,
    };
  }
  return { ok: true, value: value as JsonObject };
}

function headerWarnings(header: JsonObject): string[] {
  const warnings: string[] = [];
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') {
    warnings.push('The header says alg "none": the token is unsigned and is never accepted.');
  } else if (alg !== 'RS256') {
    warnings.push(`The header says alg "${alg}": only RS256 is accepted for Aidbox tokens.`);
  }
  for (const h of ['jku', 'x5u', 'jwk', 'x5c'] as const) {
    if (header[h] !== undefined) {
      warnings.push(
        `The header carries "${h}": ignored. Keys come only from the issuer's JWKS, never from the token.`,
      );
    }
  }
  return warnings;
}

/**
 * Decodes without verifying. Accepts an optional `Bearer ` prefix and surrounding whitespace.
 * @example decodeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln') // → { ok: true, kind: 'jwt', … }
 */
export function decodeJwt(input: string): JwtDecodeResult {
  if (input.length > MAX_TOKEN_LENGTH * 2) {
    return tooLarge(input.length);
  }
  const token = input.trim().replace(/^Bearer\s+/i, '');
  if (token === '') return { ok: false, code: 'empty', message: 'Paste a token to inspect it.' };
  if (token.length > MAX_TOKEN_LENGTH) return tooLarge(token.length);
  if (/\s/.test(token)) {
    return {
      ok: false,
      code: 'whitespace',
      message: 'The token contains spaces or line breaks; a token is one unbroken string.',
    };
  }
  const parts = token.split('.');
  const looksJwt = token.startsWith('eyJ');
  if (!looksJwt && parts.length <= 2 && OPAQUE.test(token)) {
    return { ok: true, kind: 'opaque', token, length: token.length };
  }
  if (parts.length === 5) {
    return {
      ok: false,
      code: 'encrypted',
      message: 'This has five segments: an encrypted token (JWE). Its contents cannot be read here.',
    };
  }
  if (parts.length !== 3) {
    return {
      ok: false,
      code: 'segments',
      message: `A JWT has three segments separated by dots (header.payload.signature); this has ${parts.length}.`,
    };
  }
  const [h = '', p = '', s = ''] = parts;
  const header = decodeSegment(h, 'header');
  if (!header.ok) return header;
  const payload = decodeSegment(p, 'payload');
  if (!payload.ok) return payload;
  if (!B64URL.test(s)) {
    return { ok: false, code: 'base64url', message: 'The signature is not valid base64url.' };
  }
  return {
    ok: true,
    kind: 'jwt',
    token,
    header: header.value,
    payload: payload.value,
    warnings: headerWarnings(header.value),
  };
}

function tooLarge(length: number): JwtDecodeResult {
  return {
    ok: false,
    code: 'too-large',
    message: `This is ${Math.ceil(length / 1024)} KB; the inspector reads tokens up to ${MAX_TOKEN_LENGTH / 1024} KB. Aidbox tokens are far smaller: check what was pasted.`,
  };
}
