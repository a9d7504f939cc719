// @vitest-environment node
// The worked examples of security.md §3.3, with the real zxcvbn-ts dictionaries (node: no DOM needed).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { alphabetOf, decodeBase64Text, structureOf } from './entropy-alphabet.ts';
import { matcherFromZxcvbn } from './entropy-patterns.ts';
import { estimateSecret, type SecretContext } from './entropy.ts';
import { toBase64Url } from './secret.ts';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  l33tMaxSubstitutions: 12,
});
const matcher = matcherFromZxcvbn(zxcvbn);
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const textBytes = (text: string) => new TextEncoder().encode(text);
const ctx: SecretContext = { clientId: 'billing-service', clientName: 'Billing service' };

function estimate(secret: string, context: SecretContext = ctx) {
  return estimateSecret(secret, context, matcher);
}
function codes(secret: string, context?: SecretContext): string[] {
  return estimate(secret, context).problems.map((p) => p.code);
}
/** Family 2 of §3.3 (what conformance suites use), to show which rows fool it. */
function shannonBits(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h * s.length;
}
function random(length: number, alphabet: string): string {
  const values = crypto.getRandomValues(new Uint32Array(length));
  return [...values].map((v) => alphabet[v % alphabet.length]).join('');
}
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SEQUENCE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

describe('worked examples (security.md §3.3)', () => {
  test('verysecret: bound 47, rejected as a short dictionary word', () => {
    const e = estimate('verysecret');
    expect(e.upperBound).toBeCloseTo(47, 0);
    expect(e.verdict).toBe('reject');
    expect(codes('verysecret')).toEqual(expect.arrayContaining(['short', 'common-password']));
    expect(e.problems.at(-1)?.message).toMatch(/< 128/);
  });

  test('a×43: bound 202, rejected as a repeat', () => {
    const e = estimate('a'.repeat(43));
    expect(e.upperBound).toBeCloseTo(202.2, 0);
    expect(e.verdict).toBe('reject');
    expect(e.problems[0]).toMatchObject({ code: 'repeat-char', message: 'repeated character' });
  });

  test('a…zA…Z0…9: 369 by both naive measures, rejected as a sequence', () => {
    expect(shannonBits(SEQUENCE)).toBeCloseTo(369.2, 0);
    const e = estimate(SEQUENCE);
    expect(e.upperBound).toBeCloseTo(369.2, 0);
    expect(e.verdict).toBe('reject');
    expect(e.problems[0]?.code).toBe('sequence');
  });

  test('qwerty…1234567890: bound 186, rejected as a keyboard pattern', () => {
    const e = estimate('qwertyuiopasdfghjklzxcvbnm1234567890');
    expect(e.upperBound).toBeCloseTo(186.1, 0);
    expect(e.verdict).toBe('reject');
    expect(e.problems[0]).toMatchObject({ code: 'keyboard', message: 'keyboard pattern' });
  });

  test('Password1!×4: bound 263, rejected as a repeated common password', () => {
    const e = estimate('Password1!'.repeat(4));
    expect(e.upperBound).toBeCloseTo(262.8, 0);
    expect(e.verdict).toBe('reject');
    expect(e.problems[0]?.code).toBe('repeat-password');
  });

  test('UUID v4: rejected, at most 122 random bits', () => {
    for (const uuid of ['dc6623fd-8532-4f27-8e93-860dd245ac2c', crypto.randomUUID().toUpperCase()]) {
      const e = estimate(uuid);
      expect(e.structure).toBe('uuid');
      expect(e.bits).toBe(122);
      expect(e.verdict).toBe('reject');
      expect(e.problems[0]?.message).toBe('UUIDs contain at most 122 random bits.');
    }
  });

  test('32 random hex: accepted at exactly 128 (hex alphabet); 31 rejected at 124', () => {
    for (const hex of [
      '8cb2bf013fdd571321cf2b4fb26f698f',
      'c80dc77e4cb24268afd7c0bfb62a122f',
      '72cdae10b7550e458e7a946ac44132b6',
      '24b5f4f8a52f20da446568b24ba3e600',
    ]) {
      const e = estimate(hex);
      expect(e.alphabet?.size).toBe(16);
      expect(e.structure).toBe('hex');
      expect(e.bits).toBe(128);
      expect(e.verdict).toBe('warn'); // accepted, below the recommended 160
      const short = estimate(hex.slice(1));
      expect(short.bits).toBe(124);
      expect(short.verdict).toBe('reject');
    }
  });

  test('32 random alphanumerics (Keycloak): 190.5, accepted although zxcvbn alone says ≈106', () => {
    for (const s of [
      'ui1xPXrhnn6Sem83pCgN3Eg4vm1A5fUj',
      'zoawmf9Jg6AZcIb1shulXRvovkeb6nWr',
      'VMM5Gu40x7wfX7o3JhCnRLLuQtvXAF8m',
    ]) {
      expect(Math.log2(zxcvbn.check(s).guesses)).toBeLessThan(128);
      const e = estimate(s);
      expect(e.upperBound).toBeCloseTo(190.5, 0);
      expect(e.bits).toBeGreaterThan(180);
      expect(e.verdict).toBe('accept');
    }
  });

  test('base64 of "secret"×4: rejected after decoding', () => {
    const s = 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0';
    expect(decodeBase64Text(s)).toBe('secret'.repeat(4));
    const e = estimate(s);
    expect(e.upperBound).toBeCloseTo(190.5, 0);
    expect(e.structure).toBe('base64-text');
    expect(e.verdict).toBe('reject');
    expect(codes(s).slice(0, 2)).toEqual(['base64-text', 'repeat-password']);
  });

  test('43-char base64url of 32 random bytes: 258 bound, accepted', () => {
    for (const s of [
      'gDPJ-a10-PnfvWcJJw0dj3R37fJWKiDqkgbSW415Th0',
      'voXvsKvLVUcOEj4eXUZtoJJRVxVS2XtMjPdXdVea4oQ',
      'B4rg27dMcVRVal2C9lT6AvVniG9v8TpAHB_LTt0TVFk',
    ]) {
      const e = estimate(s);
      // 258 with '-' or '_' present (64 symbols); 256.0 when the draw happens to be all alphanumeric.
      expect(e.upperBound).toBeGreaterThanOrEqual(256);
      expect(e.upperBound).toBeLessThanOrEqual(258);
      expect(e.structure).toBe('base64');
      expect(e.bits).toBeGreaterThan(230);
      expect(e.verdict).toBe('accept');
      expect(e.problems).toEqual([]);
    }
  });
});

describe('fresh random secrets (guards against estimators that under-read randomness)', () => {
  test('alphanumeric and base64url secrets are always accepted; random hex almost always', () => {
    for (let i = 0; i < 15; i++) {
      expect(estimate(random(32, ALNUM)).verdict).toBe('accept');
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      expect(estimate(toBase64Url(bytes)).verdict).toBe('accept');
    }
    // A random hex string sits exactly on the 128-bit line, so an accidental long date or digit
    // run (≈2% of draws) tips it under; never by much.
    const hex = Array.from({ length: 20 }, () => estimate(random(32, HEX)));
    expect(hex.filter((e) => e.verdict === 'reject').length).toBeLessThanOrEqual(3);
    for (const e of hex) expect(e.bits).toBeGreaterThan(118);
  }, 60_000);
});

describe('input checks', () => {
  test('empty', () => {
    expect(estimate('')).toMatchObject({ verdict: 'reject', problems: [{ code: 'empty' }] });
  });

  test('leading or trailing whitespace is reported, not trimmed', () => {
    const strong = 'gDPJ-a10-PnfvWcJJw0dj3R37fJWKiDqkgbSW415Th0';
    for (const s of [` ${strong}`, `${strong} `, `${strong}\n`]) {
      expect(codes(s)).toContain(s.endsWith('\n') ? 'not-vschar' : 'whitespace-edge');
      expect(estimate(s).verdict).toBe('reject');
    }
    expect(estimate(` ${strong}`).problems[0]?.message).toMatch(/paste error/);
  });

  test('non-ASCII and control characters are refused as not printable ASCII', () => {
    const strong = 'ui1xPXrhnn6Sem83pCgN3Eg4vm1A5fUj';
    for (const s of [
      `${strong}é`,
      `${strong}🔑`,
      `ui1x\tPXrhnn${strong}`,
      `a\nb${strong}`,
      `\x01${strong}`,
      `${strong}\x7f`,
    ]) {
      const e = estimate(s);
      expect(e.verdict).toBe('reject');
      expect(e.problems[0]?.message).toMatch(/Printable ASCII only \(RFC 6749 Appendix A\)/);
    }
  });

  test('inner spaces and symbols are fine (VSCHAR includes them)', () => {
    expect(estimate('ui1xPXrh nn6Sem83:pCgN%3Eg4+vm1A5&fUj').verdict).toBe('accept');
  });

  test('very long: refused over 512; 512 random characters accepted quickly', () => {
    expect(codes('x'.repeat(513))).toContain('too-long');
    const long = random(512, ALNUM);
    const started = performance.now();
    expect(estimate(long).verdict).toBe('accept');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(estimate('Password1!'.repeat(50)).verdict).toBe('reject');
  }, 30_000);

  test('without the matcher (still loading) nothing is accepted', () => {
    expect(estimateSecret('ui1xPXrhnn6Sem83pCgN3Eg4vm1A5fUj', ctx).verdict).toBe('pending');
    expect(estimateSecret('verysecret', ctx).verdict).toBe('reject');
  });
});

describe('context and reuse', () => {
  const strong = 'zoawmf9Jg6AZcIb1shulXRvovkeb6nWr';

  test('equal to the current secret (when pasted) or to the client id/name → refused', () => {
    expect(codes(strong, { ...ctx, currentSecret: strong })).toEqual(['reuse']);
    expect(codes('billing-service')).toEqual(['context']);
    expect(codes('BILLING SERVICE')).toEqual(['context']);
  });

  test('containing the client id, name or "aidbox" is named and never a clean accept', () => {
    const withId = estimate(`${strong.slice(0, 16)}billing-service`);
    expect(withId.problems.map((p) => p.message)).toContain('contains the client id (or part of it)');
    expect(withId.verdict).not.toBe('accept');
    const withAidbox = estimate(`aidbox${strong}`);
    expect(withAidbox.problems.map((p) => p.message)).toContain('contains “aidbox”');
    expect(withAidbox.verdict).toBe('warn');
    const named = estimate(`${strong}Payroll`, { clientId: 'svc-7', clientName: 'Payroll' });
    expect(named.problems.map((p) => p.message)).toContain('contains the client name (or part of it)');
  });

  test('a date is named', () => {
    expect(codes(`xK9q2025-01-31Wm4T`)).toContain('date');
  });
});

describe('alphabets and structures', () => {
  test.each([
    ['0123456789', 10],
    ['deadbeef01', 16],
    ['DEADBEEF01', 16],
    ['aaaa', 26],
    ['xyz123', 36],
    ['abcXYZ', 62],
    ['ab-_Z9', 64],
    ['ab+/Z9==', 64],
    ['ab!Z9', 95],
  ])('%s → %i symbols', (s, size) => {
    expect(alphabetOf(s).size).toBe(size);
  });

  test('base64 of random bytes is judged as is; base64 of text is decoded', () => {
    expect(structureOf(base64(crypto.getRandomValues(new Uint8Array(24))))).toBe('base64');
    expect(structureOf(base64(textBytes('correct horse battery staple')))).toBe('base64-text');
    expect(estimate(toBase64Url(textBytes('correct horse battery staple'))).verdict).toBe('reject');
  });
});
