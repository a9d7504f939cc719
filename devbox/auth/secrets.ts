// Hashing of Client.secret and User.password. Aidbox 2410+ stores client secrets as SHA-256
// hashes; devbox stores "sha256:<hex>" and returns that string on read (never the plaintext).
// User passwords use scrypt (Aidbox returns a scrypt hash for User.password).
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const SHA_PREFIX = 'sha256:';

export function hashClientSecret(plain: string): string {
  return SHA_PREFIX + createHash('sha256').update(plain, 'utf8').digest('hex');
}

export function verifyClientSecret(plain: string, stored: unknown): boolean {
  if (typeof stored !== 'string' || !stored.startsWith(SHA_PREFIX)) return false;
  const a = Buffer.from(hashClientSecret(plain));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

const N = 16384;
export function hashPassword(plain: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(plain, salt, 32, { N });
  return `$s0$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(plain: string, stored: unknown): boolean {
  if (typeof stored !== 'string') return false;
  const [, tag, n, salt, hash] = stored.split('$');
  if (tag !== 's0' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(plain, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}

/** True when a stored value is already one of our hashes (used to avoid hashing a hash on seed). */
export function isHashed(value: unknown): boolean {
  return typeof value === 'string' && (value.startsWith(SHA_PREFIX) || value.startsWith('$s0$'));
}
