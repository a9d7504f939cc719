// Honest strength estimate for a client secret an admin types (security.md §3.3). Pure and
// deterministic: zxcvbn arrives as an injected `PatternMatcher`, so this runs in unit tests with
// the real dictionaries and in the UI after a lazy import().
import {
  alphabetOf,
  decodeText,
  inputProblems,
  structureCapBits,
  structureOf,
  upperBoundBits,
  UUID_MAX_BITS,
  type Alphabet,
  type InputProblem,
  type Structure,
} from './entropy-alphabet.ts';
import { judgePatterns } from './entropy-judge.ts';
import type { PatternMatcher } from './entropy-patterns.ts';
import type { Problem } from './entropy-text.ts';

export type { PatternMatch, PatternMatcher, PatternFinding } from './entropy-patterns.ts';
export { PATTERN_WINDOW } from './entropy-patterns.ts';
export type { Problem } from './entropy-text.ts';

/** RFC 6749 §10.10: guessing probability MUST be ≤ 2^-128 and SHOULD be ≤ 2^-160. */
export const REJECT_BELOW_BITS = 128;
export const WARN_BELOW_BITS = 160;
/** Longer values are refused outright; nobody needs more and the estimate must stay fast. */
export const MAX_SECRET_LENGTH = 512;

export interface SecretContext {
  clientId: string;
  clientName?: string | undefined;
  /** The current secret, only if the admin chose to paste it (the console cannot read it). */
  currentSecret?: string | undefined;
}

export type Verdict = 'reject' | 'warn' | 'accept' | 'pending';

export interface SecretEstimate {
  verdict: Verdict;
  /** `min(upper bound, structure cap, pattern estimate)`, labelled "estimated upper bound" in the UI. */
  bits: number;
  upperBound: number;
  alphabet: Alphabet | undefined;
  structure: Structure;
  /** Undefined while the pattern matcher is still loading. */
  patternBits: number | undefined;
  /** Reasons, most important first; empty for a clean accept. */
  problems: Problem[];
}

export function contextWords(ctx: SecretContext): string[] {
  const words = new Set<string>(['aidbox']);
  for (const value of [ctx.clientId, ctx.clientName ?? '']) {
    const v = value.trim().toLowerCase();
    if (!v) continue;
    words.add(v);
    // Parts too: "demo-backend" puts "backend" within an attacker's reach as well.
    for (const part of v.split(/[^a-z0-9]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

function verdictFor(bits: number): Verdict {
  if (bits < REJECT_BELOW_BITS) return 'reject';
  if (bits < WARN_BELOW_BITS) return 'warn';
  return 'accept';
}

function fmt(bits: number): string {
  return `≈${Math.round(bits)} bits`;
}

/**
 * Estimates `secret` and says what is wrong with it. Without `matcher` (zxcvbn still loading) the
 * verdict is at best `pending`: an alphabet bound alone is never enough to accept.
 *
 * @example estimateSecret('verysecret', { clientId: 'billing' }, zxcvbnMatcher)
 *   // { verdict: 'reject', bits: ≈22, problems: [{ code: 'short', … }, { code: 'dictionary', … }] }
 */
export function estimateSecret(secret: string, ctx: SecretContext, matcher?: PatternMatcher): SecretEstimate {
  const base = {
    bits: 0,
    upperBound: 0,
    alphabet: undefined,
    structure: 'none' as Structure,
    patternBits: undefined,
  };
  const input: InputProblem[] = inputProblems(secret, MAX_SECRET_LENGTH);
  if (input.length > 0) return { ...base, verdict: 'reject', problems: input };

  const sameAs = (other: string | undefined) => other !== undefined && other !== '' && other === secret;
  const lower = secret.toLowerCase();
  if (sameAs(ctx.currentSecret)) {
    return {
      ...base,
      verdict: 'reject',
      problems: [{ code: 'reuse', message: 'Is the current secret: a rotation needs a new one.' }],
    };
  }
  if (lower === ctx.clientId.toLowerCase() || (ctx.clientName && lower === ctx.clientName.toLowerCase())) {
    return {
      ...base,
      verdict: 'reject',
      problems: [{ code: 'context', message: 'Is the client id or name: anyone can guess it.' }],
    };
  }

  const alphabet = alphabetOf(secret);
  const upperBound = upperBoundBits(secret);
  const structure = structureOf(secret);
  const problems: Problem[] = [];
  // Never above what the detected structure allows (a UUID's 122 bits, base64's whole bytes).
  let bits = Math.min(upperBound, structureCapBits(secret, structure));
  if (structure === 'uuid') {
    problems.push({ code: 'uuid', message: `UUIDs contain at most ${UUID_MAX_BITS} random bits.` });
  }

  let patternBits: number | undefined;
  if (matcher) {
    const decoded = structure === 'base64-text' || structure === 'hex-text' ? decodeText(secret) : undefined;
    // Encoding adds nothing: judge the decoded text with its own alphabet and patterns.
    const judged = decoded ?? secret;
    const judgedBound = decoded ? upperBoundBits(decoded) : upperBound;
    const judgement = judgePatterns(judged, secret, judgedBound, contextWords(ctx), ctx.clientId, matcher);
    patternBits = Math.min(judgement.bits, judgedBound);
    bits = Math.min(bits, patternBits);
    if (decoded) {
      const encoding = structure === 'hex-text' ? 'hex' : 'base64';
      problems.push({
        code: structure,
        message: `Is ${encoding} of readable text; judged by the decoded text instead.`,
      });
    }
    problems.push(...judgement.problems);
  }

  if (upperBound < REJECT_BELOW_BITS) {
    problems.unshift({
      code: 'short',
      message: `Too short: ${secret.length} characters of ${alphabet.name} hold at most ${fmt(upperBound)}, even if random.`,
    });
  }

  let verdict: Verdict = matcher ? verdictFor(bits) : bits < REJECT_BELOW_BITS ? 'reject' : 'pending';
  // A context word is a head start for anyone who knows this Client: never a clean accept.
  if (verdict === 'accept' && problems.some((p) => p.code === 'context')) verdict = 'warn';
  if (verdict === 'reject' || verdict === 'warn') {
    problems.push({
      code: 'bits',
      message:
        verdict === 'reject'
          ? `Estimated upper bound ${fmt(bits)} < ${REJECT_BELOW_BITS} (RFC 6749 §10.10 minimum).`
          : `Estimated upper bound ${fmt(bits)} is under the recommended ${WARN_BELOW_BITS}.`,
    });
  }
  return { verdict, bits, upperBound, alphabet, structure, patternBits, problems };
}
