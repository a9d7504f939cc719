/**
 * What the key screens show about a key set (issue 12 §2 and §6's stored-key view): one row per key
 * with its size and problems, and the check of keys being added beside a Client's stored ones.
 * Judged with jwks-validate.ts, so the key form, the editor and the review agree on "weak",
 * "private" and "duplicate". Never echoes a member's value; `kid` is public and is named.
 */
import {
  PRIVATE_MEMBERS,
  rsaModulusBits,
  validateJwks,
  validateJwksText,
  type JwkProblem,
  type JwksValidation,
} from './jwks-validate.ts';

/** A key as stored on a Client or pasted: any JSON object. */
export type AnyJwk = Readonly<Record<string, unknown>>;

export interface KeyRow {
  kid: string | undefined;
  kty: string | undefined;
  alg: string | undefined;
  use: string | undefined;
  /** "2048-bit" for RSA, the curve for EC, undefined when unreadable. */
  size: string | undefined;
  /** Private members the stored key holds (names only). */
  privateMembers: string[];
  problems: { level: 'error' | 'warning'; message: string }[];
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * One row per key of a set that is already written (or about to be): the validator's problems, with
 * the message for private members said as it applies to a stored key (it is on the Client already).
 */
export function keyRows(keys: readonly AnyJwk[]): KeyRow[] {
  const { problems } = validateJwks({ keys: keys.map((k) => ({ ...k })) });
  return keys.map((key, index) => {
    const privateMembers = PRIVATE_MEMBERS.filter((m) => m in key);
    const own = problems
      .filter((p) => p.index === index && !isPrivateMessage(p))
      .map(({ level, message }) => ({ level, message }));
    if (privateMembers.length > 0) {
      own.unshift({
        level: 'error',
        message: `Private key material is stored with this key (${privateMembers.join(', ')}): remove the key, and treat its private key as exposed.`,
      });
    }
    return {
      kid: str(key.kid),
      kty: str(key.kty),
      alg: str(key.alg),
      use: str(key.use),
      size: keySize(key),
      privateMembers,
      problems: own,
    };
  });
}

function isPrivateMessage(p: JwkProblem): boolean {
  return p.message.startsWith('Holds private key material');
}

/** "2048-bit" for an RSA key, its curve for an EC key. */
export function keySize(key: AnyJwk): string | undefined {
  if (key.kty === 'RSA' && typeof key.n === 'string') {
    const bits = rsaModulusBits(key.n);
    return bits === undefined ? undefined : `${bits}-bit`;
  }
  if (key.kty === 'EC') return str(key.crv);
  return undefined;
}

/**
 * Pasted text checked as an addition to `existing`: the validator's problems, plus a kid already
 * used by a key of the Client. `keys` holds only sanitized public keys that can be added.
 */
export function validateAddition(existing: readonly AnyJwk[], text: string): JwksValidation {
  const own = validateJwksText(text);
  if (own.problems.some((p) => p.index === undefined)) return own;
  const taken = new Set(existing.map((k) => str(k.kid)).filter((k) => k !== undefined));
  const problems = [...own.problems];
  for (const [index, kid] of pastedKids(text).entries()) {
    if (kid !== undefined && taken.has(kid)) {
      problems.push({
        index,
        level: 'error',
        message: `kid "${kid}" is already used by a key of this Client: kids must be unique.`,
      });
    }
  }
  problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  const keys = own.keys.filter((k) => !(typeof k.kid === 'string' && taken.has(k.kid)));
  return { keys, problems, ok: keys.length > 0 && !problems.some((p) => p.level === 'error') };
}

/** The kid of each pasted key, by index (the text is known to be a JWK or a JWK Set). */
function pastedKids(text: string): (string | undefined)[] {
  const value = JSON.parse(text) as Record<string, unknown>;
  const list: unknown[] = Array.isArray(value.keys) ? value.keys : [value];
  return list.map((k) =>
    typeof k === 'object' && k !== null ? str((k as Record<string, unknown>).kid) : undefined,
  );
}

/** What a refusal names for a pasted PEM private key (PKCS#8, PKCS#1, SEC 1, encrypted). */
export const PEM_PRIVATE_KEY = 'a PEM private key';
const PEM_PRIVATE = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/;

/**
 * The private material pasted text holds, by name only (JWK members, or a PEM private key), so the
 * screen can drop the text at once. Text that is not (yet) valid JSON is scanned for the members'
 * names: a private key pasted with a stray comma must not stay on the page either.
 */
export function privateMembersIn(text: string): string[] {
  if (PEM_PRIVATE.test(text)) return [PEM_PRIVATE_KEY];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return PRIVATE_MEMBERS.filter((m) => new RegExp(`"${m}"\\s*:`).test(text));
  }
  if (typeof value !== 'object' || value === null) return [];
  const keys = (value as Record<string, unknown>).keys;
  const list: unknown[] = Array.isArray(keys) ? keys : [value];
  const found = new Set<string>();
  for (const k of list)
    if (typeof k === 'object' && k !== null) for (const m of PRIVATE_MEMBERS) if (m in k) found.add(m);
  return PRIVATE_MEMBERS.filter((m) => found.has(m));
}
