// SMART scopes, v1 (`patient/Observation.read`) and v2 (`patient/Observation.rs?status=final`),
// as aidbox-docs smart-on-fhir/smart-scopes-for-limiting-access.md describes them, and the scopes
// a token gets: requested ∩ the Client's `scope` ("List of scopes this client is authorized to
// request", smart-client-authorization/smart-app-launch.md).
import type { Reading } from '../context.ts';
import type { Resource } from '../store/types.ts';

export type ScopeContext = 'patient' | 'user' | 'system';
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type or `*`. */
  type: string;
  /** v2 permissions; a v1 scope is translated (read = rs, write = cud, * = cruds). */
  interactions: Set<Interaction>;
  version: 1 | 2;
  /** The v2 query string after `?`, without it; '' when none. */
  query: string;
}

const V1: Record<string, Interaction[]> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};
const ORDER: Interaction[] = ['c', 'r', 'u', 'd', 's'];

/** A resource scope, or undefined for anything else (openid, launch/patient, fhirUser, …). */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const m = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]*)\.([^?]+)(?:\?(.*))?$/.exec(scope);
  if (!m) return undefined;
  const [, context, type, perm = '', query = ''] = m;
  const v1 = V1[perm];
  if (v1) {
    if (query) return undefined;
    return {
      context: context as ScopeContext,
      type: type as string,
      interactions: new Set(v1),
      version: 1,
      query,
    };
  }
  // v2: a non-empty subset of c r u d s, in that order, each at most once.
  let at = 0;
  const set = new Set<Interaction>();
  for (const ch of perm) {
    const i = ORDER.indexOf(ch as Interaction, at);
    if (i < 0) return undefined;
    set.add(ch as Interaction);
    at = i + 1;
  }
  // The doc's limitations: no search parameters on system/ or wildcard scopes.
  if (query && (context === 'system' || type === '*')) return undefined;
  return { context: context as ScopeContext, type: type as string, interactions: set, version: 2, query };
}

/** Whether an allowed scope covers a requested one (same context; type, permissions and filter no wider). */
export function scopeCovers(allowed: string, requested: string): boolean {
  if (allowed === requested) return true;
  const a = parseResourceScope(allowed);
  const r = parseResourceScope(requested);
  if (!a || !r) return false;
  if (a.context !== r.context) return false;
  if (a.type !== '*' && a.type !== r.type) return false;
  if (a.query && a.query !== r.query) return false;
  for (const i of r.interactions) if (!a.interactions.has(i)) return false;
  return true;
}

export function clientAllowedScopes(client: Resource): string[] | undefined {
  const s = client.scope;
  if (Array.isArray(s)) return s.filter((x): x is string => typeof x === 'string');
  if (typeof s === 'string') return s.split(/\s+/).filter(Boolean);
  return undefined;
}

/**
 * requested ∩ allowed: each requested scope is kept when one of the Client's scopes covers it.
 * A Client without `scope` restricts nothing (every Client before SMART). A Client with `scope`
 * and a request without one: strict grants nothing; alternate grants all the Client's scopes
 * (RFC 6749 §3.3 lets the server apply a default; Aidbox's docs do not say which).
 */
export function grantedScopes(client: Resource, requested: string[], reading: Reading): string[] {
  const allowed = clientAllowedScopes(client);
  if (!allowed) return requested;
  if (requested.length === 0) return reading === 'alternate' ? [...new Set(allowed)] : [];
  return requested.filter((r) => allowed.some((a) => scopeCovers(a, r)));
}
