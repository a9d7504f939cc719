// Published example secrets and passphrases (issue 14 §12). People copy them from specs, comics and
// vendor docs into real configurations, and attackers try them first, so a secret built on one is
// worth about as much as picking an entry from this list. Pure.

export interface KnownExample {
  value: string;
  /** Where it is published, shown to the admin. */
  source: string;
}

export const KNOWN_EXAMPLES: readonly KnownExample[] = [
  { value: 'correct horse battery staple', source: 'xkcd 936' },
  { value: 'Tr0ub4dor&3', source: 'xkcd 936' },
  { value: '7Fjfp0ZBr1KtDRbnfVdmIw', source: 'RFC 6749 §2.3.1' },
  { value: 'gX1fBat3bV', source: 'RFC 6749 §2.3.1' },
  { value: 's6BhdRkqt3', source: 'RFC 6749 §2.3.1' },
  { value: 'SplxlOBeZQQYbYS6WxSbIA', source: 'RFC 6749 §4.1.2' },
  { value: '2YotnFZFEjr1zCsicMWpAA', source: 'RFC 6749 §5.1' },
  { value: 'tGzv3JOkF0XG5Qx2TlKWIA', source: 'RFC 6749 §5.1' },
  { value: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', source: 'RFC 7636 Appendix B' },
  { value: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', source: 'RFC 7636 Appendix B' },
  { value: 'cf136dc3c1fc93f31185e5885805d', source: 'RFC 7591 §3.2.1' },
  {
    value: 'ZJYCqe3GGRvdrudKyZS0XhGv_Z45DuKhCUk0gBR1vZk',
    source: 'OpenID Connect Dynamic Client Registration',
  },
  {
    value: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
    source: 'RFC 7515 Appendix A.1',
  },
  { value: 'your-256-bit-secret', source: 'jwt.io' },
  // Aidbox's own documentation (HealthSamurai/aidbox-docs): values admins paste while following it.
  { value: 'verysecret', source: 'Aidbox docs' },
  { value: 'some-very-secret', source: 'Aidbox docs' },
  { value: 'my-client-secret', source: 'Aidbox docs' },
  { value: 'quOfCRS7ty1RMUQq', source: 'Aidbox docs (SMART App Launch)' },
  { value: 'inferno-confidential-patient-smart-app-secret', source: 'Aidbox docs (Inferno)' },
  { value: 'M2JmODllMjItNzBiNC00MzM5LTkyMDktMDAxMzM4MGM5OTk2', source: 'Aidbox docs (Inferno)' },
  { value: 'developer-api-secret-change-in-production', source: 'Aidbox docs' },
  { value: 'admin-api-secret-change-in-production', source: 'Aidbox docs' },
];

/** Bits to name one entry: an attacker tries the whole list. */
export const KNOWN_EXAMPLE_BITS = Math.ceil(Math.log2(KNOWN_EXAMPLES.length));

// Case, l33t spellings and separators do not make a copied example new: they fold away here.
const FOLD: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  l: 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
};

interface Folded {
  text: string;
  /** For each character of `text`, its index in the original string. */
  from: number[];
}

function fold(value: string): Folded {
  let text = '';
  const from: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const lower = value[i]!.toLowerCase();
    const c = FOLD[lower] ?? lower;
    if (!/[a-z0-9]/.test(c)) continue;
    text += c;
    from.push(i);
  }
  return { text, from };
}

const MIN_FOLDED = 8;
const FOLDED = KNOWN_EXAMPLES.map((e) => ({ example: e, text: fold(e.value).text })).filter(
  (e) => e.text.length >= MIN_FOLDED,
);

export interface KnownExampleHit {
  example: KnownExample;
  /** What the secret adds around the example, as written (prefix and suffix). */
  before: string;
  after: string;
}

/**
 * Published examples the secret contains, in any case, l33t spelling or with other separators.
 *
 * @example findKnownExamples('Correct-H0rse-Battery-Staple!')[0]?.example.source // 'xkcd 936'
 */
export function findKnownExamples(secret: string): KnownExampleHit[] {
  const folded = fold(secret);
  const hits: KnownExampleHit[] = [];
  for (const { example, text } of FOLDED) {
    const at = folded.text.indexOf(text);
    if (at < 0) continue;
    const start = folded.from[at]!;
    const end = folded.from[at + text.length - 1]!;
    hits.push({ example, before: secret.slice(0, start), after: secret.slice(end + 1) });
  }
  return hits;
}
