// The word-sequence model of the secret estimator (issue 14 §12). zxcvbn scores a string as one
// decomposition tuned for human passwords: on "correct-horse-battery-staple-…" it charges some
// words as random runs, and every separator again. An attacker who knows passphrases picks words
// from a list, one separator, and a case/l33t style. So this model splits the secret into tokens
// (on separators, on digits, at CamelCase humps), prices each token alone with the pattern
// estimate (a word costs its rank in zxcvbn's frequency lists, with case and l33t variants), and
// charges the separators' choice once when they are all the same.
import {
  KIND_BITS,
  PATTERN_WINDOW,
  patternEstimate,
  type PatternFinding,
  type PatternMatcher,
} from './entropy-patterns.ts';

/** Printable ASCII: the separator could be any of it. */
const SEPARATOR_CHOICE_BITS = Math.log2(95);
/**
 * A word costs at most its place in a list of this size (log2 7776: the diceware and EFF lists
 * passphrase generators draw from), plus its case and l33t variants. zxcvbn's own lists run to
 * 89,000 surnames; a rare word is not worth 16 bits to someone enumerating passphrases.
 */
export const WORD_LIST_BITS = Math.log2(7776);

export interface PhraseEstimate {
  bits: number;
  /** Tokens that are dictionary or common-password words on their own. */
  words: number;
  tokens: number;
  /** True when all separators are the same string (charged once). */
  uniformSeparator: boolean;
  findings: PatternFinding[];
}

interface TokenPrice {
  bits: number;
  findings: PatternFinding[];
  /** Priced as one word of a list. */
  word: boolean;
}

interface Split {
  tokens: string[];
  separators: string[];
}

/** Splits into maximal runs of non-separator characters; leading/trailing separators are tokens. */
function splitOn(secret: string, isSeparator: (c: string) => boolean): Split {
  const tokens: string[] = [];
  const separators: string[] = [];
  let current = '';
  let pending = '';
  for (const c of secret) {
    if (isSeparator(c)) {
      pending += c;
      continue;
    }
    if (pending) {
      if (current) {
        tokens.push(current);
        separators.push(pending);
      } else tokens.push(pending); // leading separator run: just characters to pay for
      current = '';
      pending = '';
    }
    current += c;
  }
  if (current) tokens.push(current);
  if (pending) tokens.push(pending);
  return { tokens, separators };
}

/** CamelCase humps are separators too, only free: "CorrectHorse" → "Correct", "Horse". */
function splitHumps(split: Split): Split {
  const tokens: string[] = [];
  const separators: string[] = [];
  split.tokens.forEach((token, i) => {
    const humps = token.split(/(?<=[a-z0-9])(?=[A-Z])/);
    // Random text has humps too ("ui1xPXrh"); words are at least a few letters long.
    const parts = humps.every((p) => p.length >= 3) ? humps : [token];
    parts.forEach((part, k) => {
      if (k > 0) separators.push('');
      tokens.push(part);
    });
    if (i < split.separators.length) separators.push(split.separators[i]!);
  });
  return { tokens, separators };
}

function mostFrequentSymbol(secret: string): string | undefined {
  const counts = new Map<string, number>();
  for (const c of secret) if (!/[A-Za-z0-9]/.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

// Share of characters words must explain before a split counts as a phrase: random strings hold
// a few short accidental words, never mostly words. Separators and digits make up the rest.
const MIN_WORD_COVERAGE = 0.6;

/**
 * Words run together ("orangewindowriver"): zxcvbn's own segmentation, where runs it chose to call
 * random (it prices random characters at 10 guesses each, so "tablechair" can come out cheaper as
 * noise) are looked at again on their own.
 */
function zxcvbnSplit(secret: string, contextWords: string[], matcher: PatternMatcher): Split | undefined {
  if (secret.length > PATTERN_WINDOW) return undefined;
  const pieces: { token: string; word: boolean }[] = [];
  const visit = (text: string, depth: number) => {
    const seq = matcher(text, contextWords).sequence;
    for (const m of seq) {
      if (m.pattern === 'bruteforce' && m.token.length >= 4 && seq.length > 1 && depth < 2)
        visit(m.token, depth + 1);
      else pieces.push({ token: m.token, word: m.pattern === 'dictionary' });
    }
  };
  visit(secret, 0);
  const covered = pieces.reduce((n, p) => n + (p.word ? p.token.length : 0), 0);
  if (pieces.length < 2 || covered < 0.8 * secret.length) return undefined;
  return { tokens: pieces.map((p) => p.token), separators: pieces.slice(1).map(() => '') };
}

function candidateSplits(secret: string, contextWords: string[], matcher: PatternMatcher): Split[] {
  const symbol = mostFrequentSymbol(secret);
  const run = zxcvbnSplit(secret, contextWords, matcher);
  const splits = [
    // Every symbol separates ("correct horse.battery").
    splitOn(secret, (c) => !/[A-Za-z0-9]/.test(c)),
    // Digits separate too ("correct1horse2battery").
    splitOn(secret, (c) => !/[A-Za-z]/.test(c)),
    // Only the commonest symbol separates, so l33t symbols stay in words ("p@ss-w0rd").
    ...(symbol ? [splitOn(secret, (c) => c === symbol)] : []),
    // No separators at all ("CorrectHorseBattery", "orangewindowriver").
    { tokens: [secret], separators: [] },
    ...(run ? [run] : []),
  ];
  return splits.map(splitHumps);
}

function separatorBits(separators: string[], priceSeparators: (s: string) => number) {
  const used = separators.filter((s) => s !== '');
  if (used.length === 0) return { bits: 0, uniform: true };
  const uniform = used.every((s) => s === used[0]) && used.length === separators.length;
  if (uniform) return { bits: used[0]!.length * SEPARATOR_CHOICE_BITS, uniform };
  // Varying separators are a string of their own: "1…9" between words is a sequence, not 9 choices.
  const each = used.reduce((sum, s) => sum + s.length * SEPARATOR_CHOICE_BITS, 0);
  return { bits: Math.min(each, priceSeparators(used.join(''))), uniform };
}

/**
 * Could `token` be a word, a number or a date as people write them: one case style (lower, UPPER,
 * Capitalised) with l33t digits and symbols allowed? "PXrhnn6" cannot.
 */
function wordShaped(token: string): boolean {
  const letters = token.replace(/[^A-Za-z]/g, '');
  return /^[A-Z]?[a-z]*$|^[A-Z]*$/.test(letters);
}

/** A token that is one dictionary word (any case, l33t, reversed): its cost, else undefined. */
function wordBits(token: string, contextWords: string[], matcher: PatternMatcher): number | undefined {
  const seq = matcher(token, contextWords).sequence;
  const m = seq.length === 1 ? seq[0] : undefined;
  if (!m || m.pattern !== 'dictionary' || m.i !== 0 || m.j !== token.length - 1) return undefined;
  const rank = Math.max(m.rank ?? m.guesses, 1);
  const variants = Math.max(m.guesses / rank, 1);
  return Math.min(Math.log2(rank), WORD_LIST_BITS) + Math.log2(variants);
}

const WORD_KINDS = new Set<PatternFinding['kind']>(['dictionary', 'common-password', 'context']);

/**
 * The cheapest word-sequence reading of `secret`, or undefined when no split reads as mostly
 * words. Random runs inside tokens cost `bitsPerChar` (the whole secret's alphabet: a piece of a
 * random string is not worth less per character because it happens to be all lowercase).
 */
export function phraseEstimate(
  secret: string,
  bitsPerChar: number,
  contextWords: string[],
  matcher: PatternMatcher,
): PhraseEstimate | undefined {
  const cache = new Map<string, TokenPrice>();
  const price = (token: string): TokenPrice => {
    let e = cache.get(token);
    if (!e && !wordShaped(token)) {
      // Not a word in any case style: random, as far as this model goes (the whole-string model
      // still sees any pattern in it). Skipping zxcvbn here keeps random secrets fast to judge.
      e = { bits: token.length * bitsPerChar + KIND_BITS, findings: [], word: false };
      cache.set(token, e);
    }
    if (!e) {
      // As for the whole secret, a token's tail past the window counts as nothing.
      const t = token.slice(0, PATTERN_WINDOW);
      const pattern = patternEstimate(t, bitsPerChar, contextWords, matcher);
      const word = t.length >= 2 ? wordBits(t, contextWords, matcher) : undefined;
      // "qwertyuiop" is in the password lists too, but it is a keyboard walk, not a word.
      const walk = pattern.findings.some((f) => f.kind === 'keyboard');
      e =
        word !== undefined && word < pattern.bits
          ? { bits: word, findings: pattern.findings, word: !walk }
          : { ...pattern, word: false };
      cache.set(token, e);
    }
    return e;
  };
  const priceSeparators = (s: string) =>
    patternEstimate(s.slice(0, PATTERN_WINDOW), SEPARATOR_CHOICE_BITS, [], matcher).bits;
  const seen = new Set<string>();
  let best: PhraseEstimate | undefined;
  for (const split of candidateSplits(secret, contextWords, matcher)) {
    const key = JSON.stringify(split);
    if (split.tokens.length < 2 || seen.has(key)) continue;
    seen.add(key);
    const seps = separatorBits(split.separators, priceSeparators);
    let bits = seps.bits;
    let words = 0;
    let wordChars = 0;
    const findings: PatternFinding[] = [];
    for (const token of split.tokens) {
      const e = price(token);
      bits += e.bits;
      findings.push(...e.findings);
      // A token fully explained by one word-like pattern counts as a word of the phrase.
      const only = e.findings.length === 1 ? e.findings[0] : undefined;
      if (e.word || (only?.length === token.length && WORD_KINDS.has(only.kind))) {
        words++;
        wordChars += token.length;
      }
    }
    // Only a secret made mostly of words is read as a phrase: random text splits into pieces
    // too, and a few short accidental words ("bed" in hex) must not pull it under its bound.
    if (words < 2 || wordChars < MIN_WORD_COVERAGE * secret.length) continue;
    if (!best || bits < best.bits) {
      best = { bits, words, tokens: split.tokens.length, uniformSeparator: seps.uniform, findings };
    }
  }
  return best;
}
