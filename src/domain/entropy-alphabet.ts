// Input checks, alphabets and known encodings for the secret estimator (security.md §3.3 steps 1–3).
// Pure: no I/O, no zxcvbn; entropy.ts combines these with the pattern estimate.

/** RFC 6749 Appendix A: client-secret = *VSCHAR (0x20–0x7E). */
const VSCHAR = /^[\x20-\x7e]*$/;

export interface Alphabet {
  name: string;
  size: number;
  /** Every character this alphabet allows. */
  test: RegExp;
}

// Smallest first, so the first one that holds every character is the tightest honest bound. The
// case-only and "lower+digits" sets are here because a secret drawn from 36 symbols is not worth
// 62 per character (security.md worked example: the keyboard walk bound is 36 symbols, 186 bits).
export const ALPHABETS: readonly Alphabet[] = [
  { name: 'digits', size: 10, test: /^[0-9]+$/ },
  // Hex only when it looks like hex (digits and letters): "aaaa…" is lowercase letters, not hex.
  { name: 'hex', size: 16, test: /^(?=.*[0-9])(?=.*[a-f])[0-9a-f]+$/ },
  { name: 'hex', size: 16, test: /^(?=.*[0-9])(?=.*[A-F])[0-9A-F]+$/ },
  { name: 'lowercase letters', size: 26, test: /^[a-z]+$/ },
  { name: 'uppercase letters', size: 26, test: /^[A-Z]+$/ },
  { name: 'lowercase letters and digits', size: 36, test: /^[a-z0-9]+$/ },
  { name: 'uppercase letters and digits', size: 36, test: /^[A-Z0-9]+$/ },
  { name: 'letters and digits', size: 62, test: /^[A-Za-z0-9]+$/ },
  { name: 'base64url', size: 64, test: /^[A-Za-z0-9_-]+$/ },
  // Trailing '=' is padding and carries nothing; it is counted anyway (this is an upper bound).
  { name: 'base64', size: 64, test: /^[A-Za-z0-9+/]+=*$/ },
  { name: 'printable ASCII', size: 95, test: /^[\x20-\x7e]+$/ },
];

export function alphabetOf(secret: string): Alphabet {
  return ALPHABETS.find((a) => a.test.test(secret)) ?? ALPHABETS[ALPHABETS.length - 1]!;
}

/** `len × log2(|A|)`: correct for uniformly random strings only (security.md §3.3, family 1). */
export function upperBoundBits(secret: string): number {
  return secret.length * Math.log2(alphabetOf(secret).size);
}

export type InputProblemCode = 'empty' | 'not-vschar' | 'whitespace-edge' | 'too-long';

export interface InputProblem {
  code: InputProblemCode;
  message: string;
}

/**
 * Problems that make a value unusable as a client secret before any estimate. Whitespace at the
 * ends is reported, never trimmed: it is almost always a paste error, and trimming silently would
 * store a different secret than the one the admin hands out.
 */
export function inputProblems(secret: string, maxLength: number): InputProblem[] {
  const problems: InputProblem[] = [];
  if (secret.length === 0) return [{ code: 'empty', message: 'Enter a secret, or generate one.' }];
  if (!VSCHAR.test(secret)) {
    problems.push({
      code: 'not-vschar',
      message:
        'Printable ASCII only (RFC 6749 Appendix A): no letters with accents, emoji, tabs, line breaks or other control characters.',
    });
  }
  if (/^\s|\s$/.test(secret)) {
    problems.push({
      code: 'whitespace-edge',
      message: 'Starts or ends with a space: that looks like a paste error. Remove it yourself if it is.',
    });
  }
  if (secret.length > maxLength) {
    problems.push({ code: 'too-long', message: `Longer than ${maxLength} characters.` });
  }
  return problems;
}

export type Structure = 'uuid' | 'hex-text' | 'hex' | 'base64-text' | 'base64' | 'none';

/** RFC 9562 layout, any version: at most 122 random bits (v4), and ASVS 11.5.1 rules them out. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const UUID_MAX_BITS = 122;

export function isUuid(secret: string): boolean {
  return UUID.test(secret);
}

const MIN_ENCODED = 8;

/**
 * If `secret` is base64 or base64url of printable ASCII, that text; otherwise undefined. Encoding
 * adds no entropy, so the decoded text is what must be judged ("c2VjcmV0…" is "secret" repeated).
 */
export function decodeBase64Text(secret: string): string | undefined {
  if (secret.length < MIN_ENCODED) return undefined;
  const standard = /^[A-Za-z0-9+/]+={0,2}$/.test(secret);
  const url = /^[A-Za-z0-9_-]+={0,2}$/.test(secret);
  if (!standard && !url) return undefined;
  const body = secret.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  const padded = body
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(body.length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  if (binary.length < 4 || !/^[\x20-\x7e]+$/.test(binary)) return undefined;
  return binary;
}

/**
 * If `secret` is hex (either case) of printable ASCII, that text; otherwise undefined. Like base64,
 * hex adds nothing: "70617373…" is "pass…", and must be judged as such (issue 14 §12).
 */
export function decodeHexText(secret: string): string | undefined {
  if (secret.length < MIN_ENCODED || !/^(?:[0-9a-f]{2})+$|^(?:[0-9A-F]{2})+$/.test(secret)) return undefined;
  let text = '';
  for (let i = 0; i < secret.length; i += 2)
    text += String.fromCharCode(parseInt(secret.slice(i, i + 2), 16));
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/** The readable text a hex or base64 value encodes, if any. */
export function decodeText(secret: string): string | undefined {
  return decodeHexText(secret) ?? decodeBase64Text(secret);
}

/**
 * What the detected structure allows at most, whatever the alphabet bound says: a UUID carries 122
 * random bits, base64 carries 6 bits per character rounded down to whole bytes (padding none).
 */
export function structureCapBits(secret: string, structure: Structure): number {
  if (structure === 'uuid') return UUID_MAX_BITS;
  if (structure === 'base64' || structure === 'base64-text') {
    return Math.floor((secret.replace(/=+$/, '').length * 6) / 8) * 8;
  }
  return Infinity;
}

export function structureOf(secret: string): Structure {
  if (isUuid(secret)) return 'uuid';
  if (decodeHexText(secret) !== undefined) return 'hex-text';
  if (secret.length >= 16 && alphabetOf(secret).size === 16) return 'hex';
  if (decodeBase64Text(secret) !== undefined) return 'base64-text';
  if (secret.length >= 16 && /^[A-Za-z0-9_-]+$|^[A-Za-z0-9+/]+=*$/.test(secret)) return 'base64';
  return 'none';
}
