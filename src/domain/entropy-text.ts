// The estimator's reasons in words: what each pattern finding tells the admin. Pure.
import type { PatternFinding } from './entropy-patterns.ts';

export interface Problem {
  code: string;
  message: string;
}

const FINDING_TEXT: Record<PatternFinding['kind'], string> = {
  context: 'contains a word from this Client',
  'common-password': 'common password',
  dictionary: 'dictionary word',
  keyboard: 'keyboard pattern',
  'repeat-char': 'repeated character',
  'repeat-password': 'repeated common password',
  'repeat-word': 'repeated dictionary word',
  repeat: 'repeated pattern',
  sequence: 'sequence (like abc or 123)',
  date: 'date or year',
};

export function findingProblems(findings: PatternFinding[], clientId: string): Problem[] {
  const covered = new Map<string, { length: number; message: string }>();
  for (const f of findings) {
    let message = FINDING_TEXT[f.kind];
    if (f.kind === 'context') message = contextMessage(f.word ?? '', clientId);
    const key = `${f.kind}:${message}`;
    const prev = covered.get(key);
    covered.set(key, { length: (prev?.length ?? 0) + f.length, message });
  }
  return [...covered.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, v]) => ({ code: key.split(':')[0]!, message: v.message }));
}

function contextMessage(word: string, clientId: string): string {
  const w = word.toLowerCase();
  if (w === 'aidbox') return 'contains “aidbox”';
  if (clientId.toLowerCase().includes(w)) return 'contains the client id (or part of it)';
  return 'contains the client name (or part of it)';
}
