// @vitest-environment node
// Issue 14 §12: word sequences, hex of text, published examples and structure caps. The worked
// examples of security.md §3.3 stay in entropy.test.ts.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import fc from 'fast-check';
import { decodeHexText, structureOf } from './entropy-alphabet.ts';
import { findKnownExamples } from './entropy-known.ts';
import { matcherFromZxcvbn } from './entropy-patterns.ts';
import { WORD_LIST_BITS } from './entropy-words.ts';
import { estimateSecret } from './entropy.ts';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  l33tMaxSubstitutions: 12,
});
const matcher = matcherFromZxcvbn(zxcvbn);
const estimate = (s: string) => estimateSecret(s, { clientId: 'billing-service' }, matcher);
const codes = (s: string) => estimate(s).problems.map((p) => p.code);
const hex = (text: string, upper = false) => {
  const h = [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return upper ? h.toUpperCase() : h;
};

const WORDS = [
  'orange',
  'window',
  'river',
  'mountain',
  'table',
  'chair',
  'garden',
  'pencil',
  'coffee',
  'yellow',
];

describe('word sequences are charged per word, whatever the separators', () => {
  test.each([
    ['hyphens', WORDS.join('-')],
    ['spaces', WORDS.join(' ')],
    ['dots, capitalised', WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('.')],
    ['underscores, upper case', WORDS.join('_').toUpperCase()],
    ['CamelCase, no separators', WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')],
    ['a different symbol each time', WORDS.map((w, i) => w + '!@#$%^&*()'[i]).join('')],
    ['digits counting up as separators', WORDS.map((w, i) => `${w}${i}`).join('')],
    [
      'l33t spellings',
      WORDS.join('_').replace(/o/g, '0').replace(/e/g, '3').replace(/a/g, '4').replace(/i/g, '1'),
    ],
  ])('10 common words, %s: refused as a word sequence', (_, phrase) => {
    const e = estimate(phrase);
    // The alphabet bound alone would call all of these strong (well over 250 bits).
    expect(e.upperBound).toBeGreaterThan(250);
    expect(e.verdict).toBe('reject');
    expect(e.bits).toBeLessThan(128);
    expect(e.problems[0]?.code).toBe('words');
    expect(e.problems[0]?.message).toMatch(/sequence of 10 common words/);
  });

  test('a uniform separator is charged once: its choice, not each occurrence', () => {
    const none = estimate(WORDS.join(' ').replace(/ /g, '')).bits;
    const hyphens = estimate(WORDS.join('-')).bits;
    expect(hyphens - none).toBeLessThanOrEqual(Math.log2(95) + 1);
    expect(hyphens).toBeGreaterThan(none - 1);
  });

  test('the estimate never exceeds what the word structure allows (random phrases)', () => {
    const diceware = common.dictionary['diceware-common'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...diceware), { minLength: 3, maxLength: 14 }),
        fc.constantFrom('-', ' ', '.', '_', '+', '', '/'),
        fc.constantFrom('lower', 'upper', 'capital'),
        (words, sep, style) => {
          const cased = words.map((w) =>
            style === 'upper' ? w.toUpperCase() : style === 'capital' ? w[0]!.toUpperCase() + w.slice(1) : w,
          );
          // Without a separator the CamelCase humps separate, so lower case there would be one blob.
          if (sep === '' && style !== 'capital') return;
          const e = estimate(cased.join(sep));
          // Per word: its place in a 7776-word list, plus case variants (≤ 1 bit here); a word so
          // short that zxcvbn calls it random ("jab") costs its letters and the pattern's 3 bits.
          const perWord = (w: string) => Math.max(WORD_LIST_BITS + 1.5, w.length * Math.log2(26) + 3);
          const cap = words.reduce((sum, w) => sum + perWord(w), 0) + Math.log2(95);
          expect(e.bits).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  }, 60_000);

  test('random secrets with symbols are not mistaken for words', () => {
    for (const s of [
      'ui1xPXrh nn6Sem83:pCgN%3Eg4+vm1A5&fUj',
      'Zq7-Wd2k-Pp9x-Lm4c-Rt8v-Hy3n-Bg6s-Kf1j-Xe5q',
    ]) {
      const e = estimate(s);
      expect(e.verdict).toBe('accept');
      expect(codes(s)).not.toContain('words');
    }
  }, 30_000);
});

describe('hex that decodes to readable text is judged by the text', () => {
  test('decodeHexText: text in either case; random bytes and odd lengths stay hex', () => {
    expect(decodeHexText(hex('secret'.repeat(4)))).toBe('secret'.repeat(4));
    expect(decodeHexText(hex('Hello, world', true))).toBe('Hello, world');
    expect(decodeHexText('8cb2bf013fdd571321cf2b4fb26f698f')).toBeUndefined();
    expect(decodeHexText(`${hex('secretsecret')}a`)).toBeUndefined();
    expect(decodeHexText('706173')).toBeUndefined(); // too short to mean anything
  });

  test.each([
    ['secret×4', hex('secret'.repeat(4))],
    ['a sentence', hex('long text that is readable')],
    ['upper-case hex of a passphrase', hex('orange window river mountain table chair', true)],
  ])('%s: refused, with the reason', (_, value) => {
    expect(structureOf(value)).toBe('hex-text');
    const e = estimate(value);
    expect(e.upperBound).toBeGreaterThanOrEqual(128);
    expect(e.verdict).toBe('reject');
    expect(e.problems[0]?.code).toBe('hex-text');
    expect(e.problems[0]?.message).toMatch(/hex of readable text/);
  });
});

describe('published examples count as common', () => {
  test('findKnownExamples sees through case, l33t and separators, and reports what surrounds it', () => {
    const [hit] = findKnownExamples('xx-C0rrect_H0RSE.battery-stAple!!');
    expect(hit?.example.source).toBe('xkcd 936');
    expect(hit?.before).toBe('xx-');
    expect(hit?.after).toBe('!!');
    expect(findKnownExamples('orange window river mountain')).toEqual([]);
  });

  test.each([
    ['xkcd 936 passphrase', 'correct horse battery staple'],
    ['xkcd 936 passphrase, dressed up', 'Correct-H0rse-Battery-Staple-2024!'],
    ['xkcd 936 password', 'Tr0ub4dor&3'],
    ['RFC 6749 client secret', '7Fjfp0ZBr1KtDRbnfVdmIw'],
    [
      'OpenID registration example secret (random-looking, 258-bit bound)',
      'ZJYCqe3GGRvdrudKyZS0XhGv_Z45DuKhCUk0gBR1vZk',
    ],
    ['RFC 7636 verifier', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
    [
      'RFC 7515 HMAC key',
      'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
    ],
    ['an Aidbox docs secret with a suffix', 'quOfCRS7ty1RMUQq-prod'],
  ])('%s: refused as a published example', (_, value) => {
    const e = estimate(value);
    expect(e.verdict).toBe('reject');
    expect(codes(value)).toContain('known-example');
    expect(e.problems.find((p) => p.code === 'known-example')?.message).toMatch(/published example/);
  });

  test('a published example inside a long random secret only loses that part', () => {
    const random = 'gDPJ-a10-PnfvWcJJw0dj3R37fJWKiDqkgbSW415Th0';
    const e = estimate(`${random}7Fjfp0ZBr1KtDRbnfVdmIw`);
    expect(e.verdict).toBe('accept');
    expect(e.bits).toBeLessThan(e.upperBound - 100);
  });
});

describe('structure caps', () => {
  test('base64 of 32 random bytes holds 256 bits, not the 258 of 43 symbols', () => {
    const e = estimate('gDPJ-a10-PnfvWcJJw0dj3R37fJWKiDqkgbSW415Th0');
    expect(e.upperBound).toBeCloseTo(258, 0);
    expect(e.bits).toBeLessThanOrEqual(256);
  });

  test('padding carries nothing', () => {
    const e = estimate('q83vEjRWeJASNFZ4kBI0VniQEjRWeJA+q83vEjRWeJA=');
    expect(e.bits).toBeLessThanOrEqual(32 * 8);
  });
});
