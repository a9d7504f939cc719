import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { keyRows, keySize, privateMembersIn, validateAddition } from './jwk-summary.ts';
import { weakRsa } from '../testing/test-keys.ts';

/** A real RS384 pair (jose): every member it exports is a string. */
async function rsa(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
  const extra = { kid, alg: 'RS384', use: 'sig' };
  const strings = (jwk: object) => ({ ...jwk, ...extra }) as Record<string, string>;
  return { pub: strings(await exportJWK(publicKey)), priv: strings(await exportJWK(privateKey)) };
}

const strong = await rsa('strong');
const weak = { pub: weakRsa('weak') };

describe('keyRows', () => {
  it('gives size, type and problems per key', () => {
    const ec = { kty: 'EC', crv: 'P-384', kid: 'ec', alg: 'ES384', x: 'AAAA', y: 'AAAA' };
    const rows = keyRows([strong.pub, weak.pub, ec]);
    expect(rows.map((r) => [r.kid, r.kty, r.alg, r.size])).toEqual([
      ['strong', 'RSA', 'RS384', '2048-bit'],
      ['weak', 'RSA', 'RS384', '1024-bit'],
      ['ec', 'EC', 'ES384', 'P-384'],
    ]);
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]?.problems.map((p) => p.message)).toEqual([
      'The RSA key has 1024 bits: at least 2048 are required.',
    ]);
  });

  it('says a stored private key is stored (not "refused"), names members, never values', () => {
    const [row] = keyRows([strong.priv]);
    expect(row?.privateMembers).toEqual(['d', 'p', 'q', 'dp', 'dq', 'qi']);
    const text = row?.problems.map((p) => p.message).join(' ') ?? '';
    expect(text).toMatch(/Private key material is stored with this key \(d, p, q, dp, dq, qi\)/);
    expect(text).not.toMatch(/refused/);
    expect(text).not.toContain(strong.priv.d);
    expect(row?.problems).toHaveLength(1);
  });

  it('flags the second of two keys with one kid', () => {
    const rows = keyRows([strong.pub, { ...strong.pub }]);
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]?.problems[0]?.message).toMatch(/kid "strong" is already used by key 1/);
  });

  it('reads no size from an unreadable key', () => {
    expect(keySize({ kty: 'RSA', n: '***' })).toBeUndefined();
    expect(keySize({ kty: 'oct' })).toBeUndefined();
  });
});

describe('validateAddition', () => {
  it('accepts a new public key as sanitized members only', () => {
    const v = validateAddition([weak.pub], JSON.stringify({ ...strong.pub, extra: 'x' }));
    expect(v.ok).toBe(true);
    expect(v.keys).toEqual([strong.pub]);
  });

  it('refuses a kid the Client already has, and keeps the other keys', async () => {
    const other = (await rsa('other')).pub;
    const v = validateAddition([strong.pub], JSON.stringify({ keys: [other, { ...strong.pub }] }));
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      {
        index: 1,
        level: 'error',
        message: 'kid "strong" is already used by a key of this Client: kids must be unique.',
      },
    ]);
    expect(v.keys).toEqual([other]);
  });

  it('passes on a whole-input problem as it is', () => {
    expect(validateAddition([], '{"keys": [')).toMatchObject({ ok: false, keys: [] });
    expect(validateAddition([], '[]').problems[0]?.index).toBeUndefined();
  });
});

describe('privateMembersIn', () => {
  it('names the private members of a key or a set, in a fixed order', () => {
    expect(privateMembersIn(JSON.stringify(strong.priv))).toEqual(['d', 'p', 'q', 'dp', 'dq', 'qi']);
    expect(privateMembersIn(JSON.stringify({ keys: [strong.pub, { kty: 'oct', k: 'x' }] }))).toEqual(['k']);
    expect(privateMembersIn(JSON.stringify(strong.pub))).toEqual([]);
    // Not (yet) JSON: the names still give it away; a public key being typed does not match.
    expect(privateMembersIn('{"kty": "RSA", "d": "x", "p": "y",}')).toEqual(['d', 'p']);
    expect(privateMembersIn('{"kty": "RSA", "kid": "a", "key_ops": [')).toEqual([]);
    expect(privateMembersIn('-----BEGIN PRIVATE KEY-----\nMII')).toEqual(['a PEM private key']);
    expect(privateMembersIn('-----BEGIN RSA PRIVATE KEY-----')).toEqual(['a PEM private key']);
    expect(privateMembersIn('-----BEGIN PUBLIC KEY-----')).toEqual([]);
    expect(privateMembersIn('null')).toEqual([]);
  });
});
