// SMART scope check on /fhir (aidbox-docs smart-on-fhir/smart-scopes-for-limiting-access.md):
// only for a JWT whose `atv` claim is 2; then a request is denied unless a granted scope covers
// its resource type and interaction. It runs before AccessPolicies ("scopes alone never grant").
// devbox does not filter data (patient compartment, search parameters in scopes): where Aidbox
// would filter, devbox is stricter instead — see devbox/README.md, deviations.
import type { JWTPayload } from 'jose';
import type { Reading } from '../context.ts';
import { parseResourceScope, type Interaction } from './smart-scopes.ts';

export interface ScopedRequest {
  method: string;
  /** Path under /fhir, e.g. /fhir/Observation/1. */
  path: string;
  query: URLSearchParams;
}

/** Resource type and interaction of a /fhir request; 'none' for paths no scope is needed for. */
export function interactionOf(
  req: ScopedRequest,
): { type: string; id?: string; interaction: Interaction } | 'none' | 'operation' {
  const parts = req.path
    .replace(/^\/fhir\/?/, '')
    .split('/')
    .filter(Boolean);
  const m = req.method.toUpperCase();
  const [type, id] = parts;
  if (!type) return m === 'POST' ? 'none' : 'operation'; // Bundle: each entry is checked
  if (type === 'metadata' || type === '.well-known') return 'none';
  if (type.startsWith('$') || id?.startsWith('$') || parts[2]?.startsWith('$')) return 'operation';
  if (!/^[A-Z][A-Za-z]*$/.test(type)) return 'operation';
  if (id === undefined || id === '_history') {
    if (m === 'GET') return { type, interaction: 's' };
    if (m === 'POST') return { type, interaction: 'c' };
    return { type, interaction: m === 'DELETE' ? 'd' : 'u' }; // conditional update / delete
  }
  if (id === '_search') return { type, interaction: 's' };
  if (m === 'GET') return { type, id, interaction: 'r' };
  if (m === 'DELETE') return { type, id, interaction: 'd' };
  return { type, id, interaction: 'u' };
}

/** Patient ids of `context.patient`: a string or, since 2607, an array of {id} / {url}. */
export function contextPatients(jwt: JWTPayload): string[] {
  const ctx = jwt.context as { patient?: unknown } | undefined;
  const p = ctx?.patient;
  if (typeof p === 'string') return [p];
  if (!Array.isArray(p)) return [];
  return p.flatMap((e: unknown) =>
    typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string'
      ? [(e as { id: string }).id]
      : [],
  );
}

/** Whether the scope's search parameters appear, with the same values, in the request query. */
function queryHolds(scopeQuery: string, query: URLSearchParams): boolean {
  for (const [k, v] of new URLSearchParams(scopeQuery)) if (!query.getAll(k).includes(v)) return false;
  return true;
}

/**
 * patient/ scopes need context.patient. Aidbox filters by the patient compartment; devbox does
 * not filter, so a search must name the patient itself (patient=, subject=Patient/, or _id= on
 * Patient) and a Patient read must be that patient. Reads of other types are not checked.
 */
function patientScopeHolds(
  what: { type: string; id?: string; interaction: Interaction },
  patients: string[],
  query: URLSearchParams,
): boolean {
  if (patients.length === 0) return false;
  if (what.type === 'Patient') {
    if (what.id !== undefined) return patients.includes(what.id);
    if (what.interaction === 's') return query.getAll('_id').some((v) => patients.includes(v));
    return what.interaction === 'c';
  }
  if (what.interaction !== 's') return true;
  const named = [...query.getAll('patient'), ...query.getAll('subject')].map((v) =>
    v.replace(/^Patient\//, ''),
  );
  return named.some((v) => patients.includes(v));
}

/**
 * true/false when the token's scopes decide; undefined when scopes are not enforced (no atv 2).
 * Strict reading: $operations are covered by no scope. Alternate: they are left to policies.
 */
export function scopesAllow(
  jwt: JWTPayload | undefined,
  req: ScopedRequest,
  reading: Reading,
): boolean | undefined {
  if (!jwt || jwt.atv !== 2) return undefined;
  const what = interactionOf(req);
  if (what === 'none') return true;
  if (what === 'operation') return reading === 'alternate';
  const scopes = (typeof jwt.scope === 'string' ? jwt.scope.split(/\s+/) : []).flatMap((s) => {
    const parsed = parseResourceScope(s);
    return parsed ? [parsed] : [];
  });
  const patients = contextPatients(jwt);
  return scopes.some((s) => {
    if (s.type !== '*' && s.type !== what.type) return false;
    if (!s.interactions.has(what.interaction)) return false;
    // Search parameters in a scope: Aidbox filters; devbox only lets through a search that
    // already carries them (never more data than Aidbox would return).
    if (s.query && (what.interaction !== 's' || !queryHolds(s.query, req.query))) return false;
    if (s.context === 'patient') return patientScopeHolds(what, patients, req.query);
    return true;
  });
}
