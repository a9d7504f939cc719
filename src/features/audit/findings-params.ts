// The findings page's state lives in the URL (issue 7 §1): filters and the two review settings.
import { DEFAULT_SETTINGS, type ReviewFinding, type Severity } from '../../domain/review-rules.ts';

export interface FindingsView {
  severity: '' | Severity;
  rule: string;
  q: string;
  /** secret age limit in days */
  age: number;
  /** idle period in days */
  idle: number;
  /** Only this Client's findings (the Clients list's Risks link); absent = all. */
  client?: string;
}

function days(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n <= 36_500 ? n : fallback;
}

export function readFindingsView(search: URLSearchParams): FindingsView {
  const sev = search.get('severity');
  return {
    severity: sev === 'high' || sev === 'medium' || sev === 'low' ? sev : '',
    rule: search.get('rule') ?? '',
    q: search.get('q') ?? '',
    age: days(search.get('age'), DEFAULT_SETTINGS.secretMaxAgeDays),
    idle: days(search.get('idle'), DEFAULT_SETTINGS.idleDays),
    ...(search.get('client') ? { client: search.get('client') ?? '' } : {}),
  };
}

export function writeFindingsView(view: FindingsView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.severity) out.set('severity', view.severity);
  if (view.rule) out.set('rule', view.rule);
  if (view.q) out.set('q', view.q);
  if (view.age !== DEFAULT_SETTINGS.secretMaxAgeDays) out.set('age', String(view.age));
  if (view.idle !== DEFAULT_SETTINGS.idleDays) out.set('idle', String(view.idle));
  if (view.client) out.set('client', view.client);
  return out;
}

export function filterFindings(all: readonly ReviewFinding[], view: FindingsView): ReviewFinding[] {
  const q = view.q.trim().toLowerCase();
  return all.filter(
    (f) =>
      (!view.client || (f.targetType === 'Client' && f.targetId === view.client)) &&
      (!view.severity || f.severity === view.severity) &&
      (!view.rule || f.rule === view.rule) &&
      (!q || [f.targetId, f.title, f.detail, f.path, f.rule].some((t) => t.toLowerCase().includes(q))),
  );
}
