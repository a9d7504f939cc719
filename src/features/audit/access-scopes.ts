// A SMART Client's allowed scopes beside its policy cells (issue 12 §6). Aidbox checks a request
// with an `atv: 2` token against the token's scopes first and its AccessPolicies second: both must
// allow it, and scopes alone never grant anything (aidbox-docs
// access-control/authorization/smart-on-fhir/smart-scopes-for-limiting-access.md, "Scopes and
// Access Policies"). A token never gets more than the Client's `scope` (requested ∩ allowed), so
// those scopes bound every cell. Pure: the page reads the Client, this says what its scopes cover.
import type { Interaction } from '../../domain/effective-access.ts';
import {
  isResourceScope,
  parseScopes,
  type Interaction as ScopeLetter,
  type OtherScope,
  type ResourceScope,
  type ScopeError,
} from '../../domain/smart-scopes.ts';
import type { ClientDraft } from '../../model/client.ts';

export interface ClientScopes {
  resource: ResourceScope[];
  /** openid, fhirUser, launch…, offline_access and any other scope: they reach no resource. */
  other: OtherScope[];
  /** Malformed scopes: Aidbox rejects a token that carries one. */
  errors: ScopeError[];
  /**
   * Aidbox adds `atv: 2` (and so enforces scopes) only to the tokens it issues for `type: smart-app`;
   * for any other Client its scopes bind only tokens another issuer marks `atv: 2`.
   */
  smartApp: boolean;
}

/** The Client's `scope`, parsed; undefined when it has none (then scopes restrict nothing). */
export function clientScopes(client: ClientDraft | undefined): ClientScopes | undefined {
  const raw: unknown = client?.scope;
  const list =
    typeof raw === 'string'
      ? [raw]
      : Array.isArray(raw)
        ? raw.filter((s): s is string => typeof s === 'string')
        : [];
  if (list.length === 0) return undefined;
  const { scopes, errors } = parseScopes(list);
  return {
    resource: scopes.filter(isResourceScope),
    other: scopes.filter((s): s is OtherScope => !isResourceScope(s)),
    errors,
    smartApp: client?.type === 'smart-app',
  };
}

const LETTER: Record<Exclude<Interaction, 'transaction'>, ScopeLetter> = {
  read: 'r',
  search: 's',
  create: 'c',
  update: 'u',
  delete: 'd',
};

/** What the scopes say about one cell. */
export type ScopeCover =
  /** Scopes covering the type and interaction (those with search parameters or `patient/` narrow the data). */
  | { kind: 'covered'; by: ResourceScope[] }
  | { kind: 'none' }
  /** A transaction Bundle: each entry is checked on its own as the interaction it is. */
  | { kind: 'per-entry' };

export function scopeCover(
  scopes: readonly ResourceScope[],
  resourceType: string,
  interaction: Interaction,
): ScopeCover {
  if (interaction === 'transaction') return { kind: 'per-entry' };
  const letter = LETTER[interaction];
  const by = scopes.filter(
    (s) => (s.type === '*' || s.type === resourceType) && s.interactions.includes(letter),
  );
  return by.length > 0 ? { kind: 'covered', by } : { kind: 'none' };
}

const WORDS: Record<ScopeLetter, string> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};

/** "read, search" for `.rs` (v1 `.read` is the same). */
export function interactionWords(s: ResourceScope): string {
  return s.interactions.map((i) => WORDS[i]).join(', ');
}
