// The pattern-aware part of the secret estimator (security.md §3.3 step 4). zxcvbn finds the
// patterns; this module re-prices its decomposition for machine secrets. zxcvbn itself is injected
// (`PatternMatcher`) so this stays pure and the 700 KB dictionaries load only where needed.

/** The fields of a zxcvbn-ts match this module reads (zxcvbn's `MatchEstimated` satisfies it). */
export interface PatternMatch {
  pattern: string;
  /** Inclusive indexes into the checked string. */
  i: number;
  j: number;
  token: string;
  guesses: number;
  dictionaryName?: string;
  /** For dictionary matches: the word's place in its frequency-ordered list (1 = most common). */
  rank?: number;
  matchedWord?: string;
  l33t?: boolean;
  reversed?: boolean;
  baseToken?: string | string[];
  regexName?: string;
}

/** zxcvbn's `check(password, userInputs)`, or a stand-in in tests. */
export type PatternMatcher = (
  secret: string,
  contextWords: string[],
) => { sequence: readonly PatternMatch[] };

export type PatternKind =
  | 'context'
  | 'common-password'
  | 'dictionary'
  | 'keyboard'
  | 'repeat-char'
  | 'repeat-password'
  | 'repeat-word'
  | 'repeat'
  | 'sequence'
  | 'date';

export interface PatternFinding {
  kind: PatternKind;
  /** Characters of the secret this pattern explains. */
  length: number;
  /** For `context`: which context word was found. */
  word?: string;
}

export interface PatternEstimate {
  bits: number;
  findings: PatternFinding[];
}

/** zxcvbn's runtime grows with length; 128 characters already carry far more than 160 bits. */
export const PATTERN_WINDOW = 128;

// Patterns zxcvbn distinguishes (bruteforce, dictionary, spatial, repeat, sequence, regex, date,
// separator): naming which one a segment uses costs an attacker log2(8) = 3 bits per segment.
export const KIND_BITS = 3;

// Keyboard rows (and the digit row) that dictionaries list as "passwords" too: "qwertyuiop" is a
// keyboard walk before it is a dictionary word, and that is the clearer reason to give.
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'qwertzuiop', 'azertyuiop'];

function isKeyboardRun(token: string): boolean {
  const t = token.toLowerCase();
  if (t.length < 4) return false;
  return KEYBOARD_ROWS.some((row) => row.includes(t) || [...row].reverse().join('').includes(t));
}

function log2Choose(n: number, k: number): number {
  let bits = 0;
  for (let x = 1; x <= k; x++) bits += Math.log2(n - k + x) - Math.log2(x);
  return bits;
}

interface Segment {
  length: number;
  /** Bits if this segment is explained by its pattern; undefined for bruteforce. */
  patternBits: number | undefined;
  match: PatternMatch | undefined;
}

/**
 * Chooses, for each match zxcvbn reported, whether to keep it or treat its characters as random,
 * minimising the total: Σ segment bits + log2 C(L−1, l−1) (where the l segments start) + 3 bits per
 * segment (which pattern each is). Random runs cost `bitsPerChar` each — the alphabet's, not
 * zxcvbn's 10 guesses per character, which would rate a 190-bit random secret at ≈106 bits.
 * The structure cost stops accidental short matches (a "date" inside random hex) from pulling a
 * genuinely random secret under its alphabet bound.
 */
function cheapest(
  segments: Segment[],
  total: number,
  bitsPerChar: number,
): { bits: number; kept: Segment[] } {
  // dp over segments: key = `${count}|${lastWasRandom}` → best partial sum and the kept patterns.
  type State = { bits: number; count: number; lastRandom: boolean; kept: Segment[] };
  let states: State[] = [{ bits: 0, count: 0, lastRandom: false, kept: [] }];
  for (const seg of segments) {
    const next = new Map<string, State>();
    const offer = (s: State) => {
      const key = `${s.count}|${s.lastRandom}`;
      const best = next.get(key);
      if (!best || s.bits < best.bits) next.set(key, s);
    };
    for (const s of states) {
      const random = seg.length * bitsPerChar;
      // Adjacent random runs merge into one segment.
      offer({
        bits: s.bits + random,
        count: s.count + (s.lastRandom ? 0 : 1),
        lastRandom: true,
        kept: s.kept,
      });
      if (seg.patternBits !== undefined) {
        offer({
          bits: s.bits + Math.min(seg.patternBits, random),
          count: s.count + 1,
          lastRandom: false,
          kept: [...s.kept, seg],
        });
      }
    }
    states = [...next.values()];
  }
  let best = { bits: Infinity, kept: [] as Segment[] };
  for (const s of states) {
    const bits = s.bits + log2Choose(Math.max(total - 1, 0), Math.max(s.count - 1, 0)) + s.count * KIND_BITS;
    if (bits < best.bits) best = { bits, kept: s.kept };
  }
  return best;
}

function dictionaryKind(m: PatternMatch): PatternKind {
  if (isKeyboardRun(m.token)) return 'keyboard';
  if (m.dictionaryName === 'userInputs') return 'context';
  if (m.dictionaryName?.startsWith('passwords')) return 'common-password';
  return 'dictionary';
}

function kindOf(m: PatternMatch, matcher: PatternMatcher): PatternKind {
  switch (m.pattern) {
    case 'dictionary':
      return dictionaryKind(m);
    case 'spatial':
      return 'keyboard';
    case 'sequence':
      return isKeyboardRun(m.token) ? 'keyboard' : 'sequence';
    case 'date':
      return 'date';
    case 'regex':
      return m.regexName === 'recentYear' ? 'date' : 'sequence';
    case 'repeat': {
      const base = typeof m.baseToken === 'string' ? m.baseToken : m.token;
      if (base.length <= 1) return 'repeat-char';
      // What is being repeated decides the reason: "Password1!"×4 is a repeated common password.
      const inner = matcher(base, []).sequence.filter((x) => x.pattern === 'dictionary');
      if (inner.some((x) => x.dictionaryName?.startsWith('passwords'))) return 'repeat-password';
      if (inner.length > 0) return 'repeat-word';
      return 'repeat';
    }
    default:
      return 'dictionary';
  }
}

/**
 * `H_pat`: log2 of the guesses needed when an attacker knows the patterns in `secret`, with random
 * runs charged at `bitsPerChar`. Context words (client id, name, "aidbox") go to zxcvbn as user inputs.
 */
export function patternEstimate(
  secret: string,
  bitsPerChar: number,
  contextWords: string[],
  matcher: PatternMatcher,
): PatternEstimate {
  if (secret.length === 0) return { bits: 0, findings: [] };
  const sequence = matcher(secret, contextWords).sequence;
  const segments: Segment[] = sequence.map((m) => ({
    length: m.j - m.i + 1,
    patternBits: m.pattern === 'bruteforce' ? undefined : Math.log2(Math.max(m.guesses, 1)),
    match: m.pattern === 'bruteforce' ? undefined : m,
  }));
  // zxcvbn analyses at most its maxLength; anything past it counts as nothing (never overestimate).
  const { bits, kept } = cheapest(segments, secret.length, bitsPerChar);
  const findings = kept.flatMap((seg): PatternFinding[] => {
    const m = seg.match;
    if (!m) return [];
    const kind = kindOf(m, matcher);
    return [{ kind, length: seg.length, ...(kind === 'context' ? { word: m.matchedWord ?? m.token } : {}) }];
  });
  return { bits, findings };
}

/** The part of zxcvbn-ts's `ZxcvbnFactory` the estimator needs. */
export interface ZxcvbnLike {
  check(password: string, userInputs?: (string | number)[]): { sequence: readonly object[] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Adapts a zxcvbn-ts factory to `PatternMatcher`, reading only the fields used here. */
export function matcherFromZxcvbn(zxcvbn: ZxcvbnLike): PatternMatcher {
  return (secret, words) => ({
    sequence: zxcvbn.check(secret, words).sequence.map((raw) => {
      const m = raw as Record<string, unknown>;
      const base = m.baseToken;
      return {
        pattern: str(m.pattern) ?? 'bruteforce',
        i: Number(m.i),
        j: Number(m.j),
        token: str(m.token) ?? '',
        guesses: typeof m.guesses === 'number' ? m.guesses : 1,
        dictionaryName: str(m.dictionaryName),
        rank: typeof m.rank === 'number' ? m.rank : undefined,
        matchedWord: str(m.matchedWord),
        l33t: m.l33t === true,
        reversed: m.reversed === true,
        baseToken: typeof base === 'string' ? base : undefined,
        regexName: str(m.regexName),
      };
    }),
  });
}
