/**
 * The security review's findings (issue 7 §1): the per-Client rules of `lintClient` and the SMART
 * rules of `smartFindings` (issue 12 §6; scopes and keys), plus the rules that need the whole
 * picture — secret age, policy reach, inactive-but-linked, idle Clients — and the per-policy rules
 * (review-rules-policy.ts). The Clients list's Risks column and the editor's banner call
 * `reviewClient` too, so none of them can disagree. Pure: the page fetches, this decides.
 */
import { holdsSecret, type ClientSubject } from './client-grants.ts';
import { lintClient, type Severity } from './lint-client.ts';
import { rotatedAt } from './secret-age.ts';
import { smartFindings } from './smart-review-rules.ts';
import type { PolicyResource } from './matrix.ts';
import { policyFindings, policyReach } from './review-rules-policy.ts';

export type { Severity };

export interface ReviewFinding {
  /** Unique within one review: rule + target + path. */
  key: string;
  rule: string;
  severity: Severity;
  title: string;
  detail: string;
  source: string;
  targetType: 'Client' | 'AccessPolicy';
  targetId: string;
  /** Dot path of the field to fix, e.g. `auth.authorization_code.pkce`; '' = the resource as a whole. */
  path: string;
}

export interface ReviewSettings {
  /** A secret older than this (by `details.secretRotatedAt`) is a finding. */
  secretMaxAgeDays: number;
  /** A Client without a Session started in this many days is a finding. */
  idleDays: number;
  now: number;
}

export interface ReviewInput extends ReviewSettings {
  /** Each Client with whether Aidbox holds a secret for it (reads never carry the secret). */
  clients: readonly ClientSubject[];
  policies: readonly PolicyResource[];
  /** client id → newest Session start (ISO); undefined = Sessions were not loaded, skip the idle rule. */
  lastSession: ReadonlyMap<string, string> | undefined;
}

export const DEFAULT_SETTINGS = { secretMaxAgeDays: 365, idleDays: 90 } as const;

const DAY_MS = 86_400_000;
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Every finding over all Clients and policies, most severe first, then by target and rule. */
export function reviewAll(input: ReviewInput): ReviewFinding[] {
  const reach = policyReach(input.policies);
  const out: ReviewFinding[] = [];
  for (const subject of input.clients) {
    if (!subject.client.id) continue;
    out.push(...reviewClient(subject, input, reach.get(subject.client.id) ?? []));
  }
  out.push(...policyFindings(input.policies, new Set(input.clients.map((s) => s.client.id ?? ''))));
  return out.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.targetId.localeCompare(b.targetId) ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * Findings for one Client. `linked` are the policies whose `link` names it (global and
 * Operation-only policies are reported on their own, not per Client).
 */
export function reviewClient(
  { client, hasSecret }: ClientSubject,
  settings: ReviewSettings & { lastSession?: ReadonlyMap<string, string> | undefined },
  linked: readonly PolicyResource[],
): ReviewFinding[] {
  const id = client.id ?? '';
  const out: ReviewFinding[] = lintClient(client, hasSecret).map((f) => ({
    key: `${f.id}|Client/${id}|${f.path}`,
    rule: f.id,
    severity: f.severity,
    title: f.title,
    detail: f.detail,
    source: f.source,
    targetType: 'Client',
    targetId: id,
    path: f.path,
  }));
  out.push(...smartFindings(client, hasSecret));
  const add = (f: Omit<ReviewFinding, 'key' | 'targetType' | 'targetId'>) =>
    out.push({ ...f, key: `${f.rule}|Client/${id}|${f.path}`, targetType: 'Client', targetId: id });
  const active = client.active !== false;

  if (holdsSecret(client, hasSecret) && client._secret === undefined) {
    const rotated = rotatedAt(client);
    if (rotated === undefined) {
      add({
        rule: 'secret-never-rotated',
        severity: 'medium',
        title: 'Secret never rotated',
        detail:
          'No rotation date is recorded (details.secretRotatedAt). Rotate the secret and record when, so its age can be reviewed.',
        path: 'details.secretRotatedAt',
        source: 'OWASP ASVS 5.0 V13.3 (secret rotation)',
      });
    } else {
      const days = Math.floor((settings.now - rotated) / DAY_MS);
      if (days > settings.secretMaxAgeDays) {
        add({
          rule: 'secret-too-old',
          severity: 'medium',
          title: 'Secret older than the chosen age',
          detail: `The secret was last rotated ${days} days ago (limit ${settings.secretMaxAgeDays} days). Rotate it.`,
          path: 'details.secretRotatedAt',
          source: 'OWASP ASVS 5.0 V13.3 (secret rotation)',
        });
      }
    }
  }

  if (active && linked.length === 0) {
    add({
      rule: 'no-policy',
      severity: 'medium',
      title: 'No policy linked',
      detail:
        'No AccessPolicy links this Client: it gets only what global and Operation-linked policies allow. Link a policy that grants exactly what it needs, or deactivate it.',
      path: '',
      source: 'OWASP ASVS 5.0 V8 (least privilege)',
    });
  } else if (active && linked.every((p) => p.engine === 'allow')) {
    add({
      rule: 'allow-all-only',
      severity: 'high',
      title: 'Reachable only through an allow-everything policy',
      detail: `Its only policies (${linked.map((p) => p.id ?? '?').join(', ')}) use the allow engine: this Client may do anything to any resource. Replace them with least-privilege rules.`,
      path: '',
      source: 'RFC 9700 §2.3; OWASP ASVS 5.0 V8 (least privilege)',
    });
  }

  if (!active && linked.length > 0) {
    add({
      rule: 'inactive-linked',
      severity: 'low',
      title: 'Inactive Client still linked to policies',
      detail: `Inactive, yet ${linked.length} ${linked.length === 1 ? 'policy links' : 'policies link'} it (${linked.map((p) => p.id ?? '?').join(', ')}). Reactivating it would restore that access silently; unlink or delete it.`,
      path: '',
      source: 'OWASP ASVS 5.0 V8 (least privilege)',
    });
  }

  if (!active && linked.length === 0) {
    add({
      rule: 'inactive-client',
      severity: 'low',
      title: 'Inactive Client kept',
      detail:
        'Inactive and unlinked: Aidbox refuses its credentials. If it is retired for good, delete it (its history stays) so nobody reactivates it by mistake.',
      path: 'active',
      source: 'OWASP ASVS 5.0 V8 (least privilege)',
    });
  }

  const last = settings.lastSession?.get(id);
  if (
    active &&
    settings.lastSession &&
    !(last && settings.now - Date.parse(last) <= settings.idleDays * DAY_MS)
  ) {
    add({
      rule: 'idle-client',
      severity: 'low',
      title: `No Session in ${settings.idleDays} days`,
      detail: last
        ? `The newest Session started ${Math.floor((settings.now - Date.parse(last)) / DAY_MS)} days ago. An unused active Client is attack surface: deactivate it if nobody needs it.`
        : `No Session was started or used in the last ${settings.idleDays} days. An unused active Client is attack surface: deactivate it if nobody needs it.`,
      path: 'active',
      source: 'OWASP ASVS 5.0 V8 (least privilege)',
    });
  }
  return out;
}

/** Newest Session start per client id from any list of Sessions (reference `Client/<id>`). */
export function lastSessionByClient(
  sessions: readonly { client?: { reference?: string; id?: string }; start?: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sessions) {
    const ref = s.client?.reference;
    const id = ref?.startsWith('Client/') ? ref.slice(7) : s.client?.id;
    if (!id || !s.start || Number.isNaN(Date.parse(s.start))) continue;
    const prev = out.get(id);
    if (!prev || Date.parse(prev) < Date.parse(s.start)) out.set(id, s.start);
  }
  return out;
}
