/**
 * The scope editor's view of a Client's `scope` list (issue 12 §3): per scope its parse error,
 * lints and a plain-language meaning, and the grant preview. Built on smart-scopes.ts, with the
 * review's definition of "patient-facing" (smart-review-rules.ts), so the editor warns about what
 * the review would report.
 */
import type { RuleIssue } from './client-validation.ts';
import { KNOWN_RESOURCE_TYPES } from './fhir-resource-types.ts';
import { isPatientFacing } from './smart-review-rules.ts';
import {
  grantedScopes,
  isResourceScope,
  lintScopes,
  parseScope,
  splitScopes,
  type Interaction,
  type ParsedScope,
  type ScopeLint,
} from './smart-scopes.ts';

/** smart-scopes' lints, plus v1 syntax, which the review reports too (smart-review-rules.ts). */
export interface ScopeAdvice {
  rule: ScopeLint['rule'] | 'v1';
  severity: ScopeLint['severity'];
  scope: string;
  message: string;
}

export interface ScopeLine {
  raw: string;
  /** Set when the scope is malformed: saving is refused. */
  error?: string;
  /** What the scope lets the app do, when it parses. */
  meaning?: string;
  lints: ScopeAdvice[];
}

export interface ScopeReview {
  lines: ScopeLine[];
  /** Findings about the set as a whole (v1 and v2 mixed). */
  setLints: ScopeAdvice[];
  errorCount: number;
  patientFacing: boolean;
}

/**
 * Judge a scope list as typed, separated by spaces or lines. Never by commas: FHIR search values
 * use them (`patient/Observation.rs?category=laboratory,vital-signs`).
 */
export function reviewScopes(input: string | readonly string[]): ScopeReview {
  const raws = splitScopes(input);
  const patientFacing = isPatientFacing({ scope: raws });
  const parsed: ParsedScope[] = [];
  const lines: ScopeLine[] = raws.map((raw) => {
    const p = parseScope(raw);
    if ('message' in p) return { raw, error: p.message, lints: [] };
    parsed.push(p);
    return { raw, meaning: describeScope(p), lints: [] };
  });
  const lints: ScopeAdvice[] = [
    ...lintScopes(parsed, { patientFacing, knownTypes: KNOWN_RESOURCE_TYPES }).map(retell),
    ...parsed.filter(isResourceScope).flatMap((p) => (p.version === 1 ? [v1Advice(p.raw)] : [])),
  ];
  for (const line of lines) line.lints = lints.filter((l) => l.scope === line.raw);
  return {
    lines,
    setLints: lints.filter((l) => l.scope === ''),
    errorCount: lines.filter((l) => l.error !== undefined).length,
    patientFacing,
  };
}

// The domain's message speaks of "this server", but the list is FHIR R4 plus Aidbox's own types,
// and Aidbox also serves custom resources.
function retell(lint: ScopeLint): ScopeLint {
  if (lint.rule !== 'unknown-type') return lint;
  const type = /\/([^./?]+)\./.exec(lint.scope)?.[1] ?? lint.scope;
  return {
    ...lint,
    message: `${type} is neither a FHIR R4 nor an Aidbox resource type: check the spelling (fine for a custom resource).`,
  };
}

function v1Advice(raw: string): ScopeAdvice {
  const v2 = raw
    .replace(/\.read$/, '.rs')
    .replace(/\.write$/, '.cud')
    .replace(/\.\*$/, '.cruds');
  return {
    rule: 'v1',
    severity: 'low',
    scope: raw,
    message: `SMART v1 syntax cannot tell read from search or create from delete: write ${v2} (v2).`,
  };
}

const VERBS: Record<Interaction, string> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};
const WHOSE = {
  patient: 'of the patient in context',
  user: 'the signed-in user may access',
  system: 'of every patient (no user)',
} as const;
const OTHER: Record<string, string> = {
  openid: 'an ID token (OpenID Connect)',
  fhirUser: 'the signed-in user’s FHIR resource in the ID token',
  profile: 'the user’s profile claims',
  launch: 'the EHR launch context (EHR launch)',
  'launch/patient': 'asks for a patient to be chosen at standalone launch',
  'launch/encounter': 'asks for an encounter in context',
  offline_access: 'refresh tokens that outlive the sign-in session',
  online_access: 'refresh tokens while the user stays signed in',
};

/** "read, search Observation of the patient in context where category=laboratory". */
export function describeScope(p: ParsedScope): string {
  if (p.kind !== 'resource')
    return OTHER[p.raw] ?? (p.kind === 'launch' ? 'a launch context' : 'other scope');
  const verbs = p.interactions.map((i) => VERBS[i]).join(', ');
  const what = p.type === '*' ? 'every resource type' : p.type;
  const where = p.query ? ` where ${p.query.replace(/&/g, ' and ')}` : '';
  return `${verbs} ${what} ${WHOSE[p.context]}${where}`;
}

/** Malformed scopes as registration rule errors on `scope` (they block saving). */
export function scopeRuleErrors(scope: unknown): RuleIssue[] {
  if (!Array.isArray(scope)) return [];
  const { errorCount } = reviewScopes(scope.filter((s): s is string => typeof s === 'string'));
  if (errorCount === 0) return [];
  return [
    {
      path: 'scope',
      message:
        errorCount === 1
          ? 'One scope is malformed (see below); Aidbox would reject every token that carries it.'
          : `${errorCount} scopes are malformed (see below); Aidbox would reject every token that carries them.`,
    },
  ];
}

export type GrantPreview =
  | { kind: 'unrestricted'; granted: string[] }
  | { kind: 'empty-request'; strict: string[]; alternate: string[] }
  | { kind: 'granted'; granted: string[]; refused: string[] };

/**
 * Which scopes a token would get (requested ∩ allowed). A Client with no scope list restricts
 * nothing. An empty request is undocumented (decision 0080), so both readings are returned.
 */
export function previewGrant(requested: string, allowed: readonly string[]): GrantPreview {
  const req = splitScopes(requested);
  if (allowed.length === 0) return { kind: 'unrestricted', granted: req };
  if (req.length === 0) {
    return {
      kind: 'empty-request',
      strict: grantedScopes([], allowed, 'strict'),
      alternate: grantedScopes([], allowed, 'alternate'),
    };
  }
  const granted = grantedScopes(req, allowed, 'strict');
  return { kind: 'granted', granted, refused: req.filter((r) => !granted.includes(r)) };
}
