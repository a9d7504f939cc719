// Combines the estimator's pattern models and says which one found the secret weak: zxcvbn's
// decomposition re-priced (entropy-patterns), the word-sequence model (entropy-words) and the
// published examples (entropy-known). Each is a way an attacker could enumerate the secret, so the
// cheapest one bounds it. Pure.
import { alphabetOf } from './entropy-alphabet.ts';
import { findKnownExamples, KNOWN_EXAMPLE_BITS, type KnownExample } from './entropy-known.ts';
import { KIND_BITS, PATTERN_WINDOW, patternEstimate, type PatternMatcher } from './entropy-patterns.ts';
import { findingProblems, type Problem } from './entropy-text.ts';
import { phraseEstimate } from './entropy-words.ts';

export interface PatternJudgement {
  bits: number;
  /** Why the estimate is as low as it is; empty when patterns did not lower it. */
  problems: Problem[];
}

/** The models ask zxcvbn about the same tokens more than once; it is the slow part. */
function memoized(matcher: PatternMatcher): PatternMatcher {
  const cache = new Map<string, ReturnType<PatternMatcher>>();
  return (text, words) => {
    const key = `${words.join('\u0000')}\u0001${text}`;
    let result = cache.get(key);
    if (!result) {
      result = matcher(text, words);
      cache.set(key, result);
    }
    return result;
  };
}

interface KnownEstimate {
  bits: number;
  example: KnownExample;
}

function knownEstimate(texts: string[], price: (s: string) => number): KnownEstimate | undefined {
  let best: KnownEstimate | undefined;
  for (const text of texts) {
    for (const hit of findKnownExamples(text)) {
      // Whatever was added around the example is priced like any other text.
      const bits = KNOWN_EXAMPLE_BITS + KIND_BITS + price(hit.before) + price(hit.after);
      if (!best || bits < best.bits) best = { bits, example: hit.example };
    }
  }
  return best;
}

/**
 * The pattern-aware estimate of `text` (the secret, or what its encoding decodes to), and its
 * reasons when it is below `upperBound`. `original` is the secret as typed, checked for published
 * examples too when `text` was decoded from it.
 */
export function judgePatterns(
  text: string,
  original: string,
  upperBound: number,
  words: string[],
  clientId: string,
  rawMatcher: PatternMatcher,
): PatternJudgement {
  const matcher = memoized(rawMatcher);
  const bitsPerChar = Math.log2(alphabetOf(text).size);
  const price = (s: string) =>
    s === ''
      ? 0
      : Math.min(
          patternEstimate(s.slice(0, PATTERN_WINDOW), bitsPerChar, words, matcher).bits,
          phraseEstimate(s, bitsPerChar, words, matcher)?.bits ?? Infinity,
        );
  const mixed = patternEstimate(text.slice(0, PATTERN_WINDOW), bitsPerChar, words, matcher);
  const phrase = phraseEstimate(text, bitsPerChar, words, matcher);
  const known = knownEstimate(text === original ? [text] : [text, original], price);
  const bits = Math.min(mixed.bits, phrase?.bits ?? Infinity, known?.bits ?? Infinity);

  // Name patterns only when they lowered the estimate: a "word" that random text happens to
  // contain is noise, not a reason.
  if (bits >= upperBound - 1) return { bits, problems: [] };
  if (known && known.bits === bits) {
    return {
      bits,
      problems: [
        {
          code: 'known-example',
          message: `Is or contains a published example secret (${known.example.source}): attackers try those first.`,
        },
        ...findingProblems(mixed.findings, clientId),
      ],
    };
  }
  if (phrase && phrase.bits === bits && phrase.bits < mixed.bits) {
    const head: Problem[] =
      phrase.words >= 2
        ? [
            {
              code: 'words',
              message: `A sequence of ${phrase.words} common words: each costs only its place in a word list, whatever the separators, case or l33t spelling.`,
            },
          ]
        : [];
    return { bits, problems: [...head, ...findingProblems(phrase.findings, clientId)] };
  }
  return { bits, problems: findingProblems(mixed.findings, clientId) };
}
