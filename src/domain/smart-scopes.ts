/**
 * SMART scopes for the console's scope editor and preview (issue 12 §3), pure.
 *
 * Syntax: SMART App Launch 2.x "scopes-and-launch-context" (v1 `patient/Observation.read`, v2
 * `patient/Observation.rs?category=laboratory`) and aidbox-docs
 * access-control/authorization/smart-on-fhir/smart-scopes-for-limiting-access.md, whose
 * "Limitations" forbid search parameters on `system/` scopes, on wildcard types and on v1
 * permissions ("makes Aidbox reject the whole token") — so those are parse errors here, and
 * search parameters on c/u/d only a lint (supported "starting from version 2608").
 *
 * `grantedScopes` mirrors devbox/auth/smart-scopes.ts (src may not import devbox): requested ∩
 * allowed, where a broader allowed scope covers a narrower requested one.
 */
export type ScopeContext = 'patient' | 'user' | 'system';
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  kind: 'resource';
  raw: string;
  context: ScopeContext;
  /** A resource type or `*`. */
  type: string;
  /** In c r u d s order; a v1 scope is translated (read = rs, write = cud, * = cruds). */
  interactions: Interaction[];
  version: 1 | 2;
  /** The query after `?`, without it; '' when none. */
  query: string;
}

/** openid, fhirUser, launch, launch/patient, offline_access, … and any other OAuth scope. */
export interface OtherScope {
  kind: 'identity' | 'launch' | 'refresh' | 'other';
  raw: string;
}

export type ParsedScope = ResourceScope | OtherScope;

export interface ScopeError {
  scope: string;
  message: string;
}

export interface ScopeParse {
  scopes: ParsedScope[];
  errors: ScopeError[];
}

const V1: Record<string, Interaction[]> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};
const ORDER: readonly Interaction[] = ['c', 'r', 'u', 'd', 's'];
const IDENTITY = new Set(['openid', 'fhirUser', 'profile']);
const REFRESH = new Set(['offline_access', 'online_access']);
/** aidbox-docs smart-scopes-for-limiting-access.md: "except for complex search parameters like …". */
const COMPLEX_PARAMS = ['_include', '_revinclude', '_has', '_assoc', '_with'];

/** Split a space-separated scope string (or list) into distinct scopes, keeping the first order. */
export function splitScopes(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/\s+/) : input.flatMap((s) => s.split(/\s+/));
  return [...new Set(parts.filter(Boolean))];
}

/** One scope, or an error message for a malformed resource scope. */
export function parseScope(raw: string): ParsedScope | ScopeError {
  if (IDENTITY.has(raw)) return { kind: 'identity', raw };
  if (REFRESH.has(raw)) return { kind: 'refresh', raw };
  if (raw === 'launch' || raw.startsWith('launch/')) {
    return raw === 'launch/'
      ? { scope: raw, message: 'launch/ needs a context, e.g. launch/patient' }
      : { kind: 'launch', raw };
  }
  const ctx = /^(patient|user|system)\//.exec(raw);
  if (!ctx) {
    if (/^[^/]+\/[^/]*\./.test(raw)) {
      return { scope: raw, message: 'A resource scope starts with patient/, user/ or system/' };
    }
    return { kind: 'other', raw };
  }
  return parseResource(raw, ctx[1] as ScopeContext);
}

function parseResource(raw: string, context: ScopeContext): ResourceScope | ScopeError {
  const fail = (message: string): ScopeError => ({ scope: raw, message });
  const rest = raw.slice(context.length + 1);
  const q = rest.indexOf('?');
  const body = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const dot = body.lastIndexOf('.');
  if (dot < 0) return fail('Expected <type>.<permissions>, e.g. Observation.rs');
  const type = body.slice(0, dot);
  const perm = body.slice(dot + 1);
  if (type !== '*' && !/^[A-Z][A-Za-z]*$/.test(type)) {
    return fail(`"${type}" is not a resource type (or *)`);
  }
  if (q >= 0 && query === '') return fail('Nothing after ?: remove it or add search parameters');
  const v1 = V1[perm];
  if (v1) {
    if (query) return fail('SMART v1 permissions (read, write, *) cannot carry search parameters');
    return { kind: 'resource', raw, context, type, interactions: [...v1], version: 1, query };
  }
  const interactions: Interaction[] = [];
  let at = 0;
  for (const ch of perm) {
    const i = ORDER.indexOf(ch as Interaction, at);
    if (i < 0) {
      return fail(
        `"${perm}" is not a permission: use read, write or * (v1), or letters of cruds in that order, each once (v2)`,
      );
    }
    interactions.push(ch as Interaction);
    at = i + 1;
  }
  if (interactions.length === 0) return fail('No permissions after the dot');
  if (query) {
    if (context === 'system') return fail('Aidbox refuses search parameters on system/ scopes');
    if (type === '*') return fail('Aidbox refuses search parameters on a wildcard resource type');
    const names = query.split('&').map((p) => p.split('=')[0]?.split(':')[0] ?? '');
    const complex = names.find((n) => COMPLEX_PARAMS.includes(n));
    if (complex) return fail(`Aidbox does not support ${complex} in a scope`);
    if (names.some((n) => n === '')) return fail('Every search parameter needs a name');
  }
  return { kind: 'resource', raw, context, type, interactions, version: 2, query };
}

/** Parse a whole scope string: the well-formed scopes, and one error per malformed one. */
export function parseScopes(input: string | readonly string[]): ScopeParse {
  const scopes: ParsedScope[] = [];
  const errors: ScopeError[] = [];
  for (const raw of splitScopes(input)) {
    const p = parseScope(raw);
    if ('message' in p) errors.push(p);
    else scopes.push(p);
  }
  return { scopes, errors };
}

export function isResourceScope(s: ParsedScope): s is ResourceScope {
  return s.kind === 'resource';
}

/** Whether the scope lets the app create, update or delete. */
export function writes(s: ResourceScope): boolean {
  return s.interactions.some((i) => i === 'c' || i === 'u' || i === 'd');
}

/** Whether an allowed scope covers a requested one (same context; type, permissions and filter no wider). */
export function scopeCovers(allowed: string, requested: string): boolean {
  if (allowed === requested) return true;
  const a = parseScope(allowed);
  const r = parseScope(requested);
  if ('message' in a || 'message' in r || !isResourceScope(a) || !isResourceScope(r)) return false;
  if (a.context !== r.context) return false;
  if (a.type !== '*' && a.type !== r.type) return false;
  if (a.query && a.query !== r.query) return false;
  return r.interactions.every((i) => a.interactions.includes(i));
}

/**
 * Preview of the scopes a token gets: each requested scope kept when an allowed one covers it.
 * `allowed` undefined = the Client has no `scope`, which restricts nothing. An empty request
 * against a Client with `scope`: Aidbox's docs are silent, so `strict` grants nothing and
 * `alternate` grants all the Client's scopes (devbox implements both; show both when unsure).
 */
export function grantedScopes(
  requested: string | readonly string[],
  allowed: string | readonly string[] | undefined,
  reading: 'strict' | 'alternate' = 'strict',
): string[] {
  const req = splitScopes(requested);
  if (allowed === undefined) return req;
  const allow = splitScopes(allowed);
  if (req.length === 0) return reading === 'alternate' ? allow : [];
  return req.filter((r) => allow.some((a) => scopeCovers(a, r)));
}

export interface ScopeLint {
  rule: 'wildcard' | 'patient-write' | 'mixed-versions' | 'query-on-write' | 'unknown-type';
  severity: 'high' | 'medium' | 'low';
  /** The scope concerned; '' for a finding about the set (mixed versions). */
  scope: string;
  message: string;
}

export interface ScopeLintOptions {
  /** A patient-facing app (standalone patient app, EHR-launched app acting for a patient). */
  patientFacing: boolean;
  /** Resource types the server knows; undefined skips the unknown-type rule. */
  knownTypes?: readonly string[] | undefined;
}

/** Advice on well-formed scopes (malformed ones are `parseScopes` errors, not lints). */
export function lintScopes(scopes: readonly ParsedScope[], opts: ScopeLintOptions): ScopeLint[] {
  const out: ScopeLint[] = [];
  const resources = scopes.filter(isResourceScope);
  const known = opts.knownTypes ? new Set(opts.knownTypes) : undefined;
  for (const s of resources) {
    if (s.type === '*') {
      out.push({
        rule: 'wildcard',
        severity: s.context === 'system' ? 'high' : 'medium',
        scope: s.raw,
        message: `${s.raw} reaches every resource type${s.context === 'system' ? ' on every patient' : ''}: list the types the app needs.`,
      });
    }
    if (opts.patientFacing && writes(s)) {
      out.push({
        rule: 'patient-write',
        severity: 'high',
        scope: s.raw,
        message: `${s.raw} lets a patient-facing app create, update or delete: grant read and search (rs) unless it must write.`,
      });
    }
    if (s.query && writes(s)) {
      out.push({
        rule: 'query-on-write',
        severity: 'medium',
        scope: s.raw,
        message: `Search parameters on c/u/d permissions need Aidbox 2608 or later; earlier versions reject the whole token.`,
      });
    }
    if (known && s.type !== '*' && !known.has(s.type)) {
      out.push({
        rule: 'unknown-type',
        severity: 'medium',
        scope: s.raw,
        message: `${s.type} is not a resource type this server knows: check the spelling.`,
      });
    }
  }
  if (resources.some((s) => s.version === 1) && resources.some((s) => s.version === 2)) {
    out.push({
      rule: 'mixed-versions',
      severity: 'low',
      scope: '',
      message: 'SMART v1 (read/write) and v2 (cruds) scopes are mixed: write them all in v2 syntax.',
    });
  }
  return out;
}
