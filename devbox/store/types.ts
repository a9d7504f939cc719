// The storage contract shared by devbox/http (FHIR REST), devbox/auth (sessions, clients, users)
// and devbox/policy (the sql engine). Implemented over PGlite in devbox/store/.

export const RESOURCE_TYPES = ['Client', 'AccessPolicy', 'User', 'Session', 'Operation'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Meta {
  versionId: string;
  lastUpdated: string;
  [key: string]: unknown;
}

/** A resource as stored and returned in /fhir format. Unknown fields are kept as they are. */
export interface Resource {
  resourceType: string;
  id: string;
  meta?: Meta;
  [key: string]: unknown;
}

export interface HistoryEntry {
  resource: Resource;
  /** What this version did: FHIR history request method is derived from it. */
  status: 'created' | 'updated' | 'deleted';
}

export interface SearchResult {
  resources: Resource[];
  /** Present unless the search asked for `_total=none`. */
  total: number | undefined;
  page: number;
  count: number;
}

export type StoreErrorKind = 'exists' | 'not-found' | 'gone' | 'version-conflict' | 'invalid';

/** Thrown by Store methods; the HTTP layer maps `kind` to a status and an OperationOutcome. */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    /** FHIRPath-ish locations for `invalid`, e.g. ["Client.auth.authorization_code.pkce"]. */
    readonly expression: string[] = [],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface WriteOptions {
  /** Expected current versionId (bare, or W/"n"); mismatch → StoreError('version-conflict'). */
  ifMatch?: string | undefined;
}

export interface Store {
  read(type: ResourceType, id: string): Promise<Resource | undefined>;
  vread(type: ResourceType, id: string, versionId: string): Promise<Resource | undefined>;
  /** Honours `resource.id` (generated when absent); StoreError('exists') if it is taken. */
  create(type: ResourceType, resource: Resource): Promise<Resource>;
  /** Create-or-replace (PUT semantics); `created` tells which happened. */
  update(
    type: ResourceType,
    id: string,
    resource: Resource,
    opts?: WriteOptions,
  ): Promise<{ resource: Resource; created: boolean }>;
  /** Returns the deleted resource, or undefined when there was nothing to delete. */
  delete(type: ResourceType, id: string, opts?: WriteOptions): Promise<Resource | undefined>;
  /** Newest first. Without `id`: type-level history. `count` keeps only the newest entries. */
  history(type: ResourceType, id?: string, opts?: { count?: number }): Promise<HistoryEntry[]>;
  /** FHIR search with the parameters devbox supports (see devbox/README.md). */
  search(type: ResourceType, params: URLSearchParams): Promise<SearchResult>;
  /** Every current resource of a type (used for policy candidates and small lookups). */
  list(type: ResourceType): Promise<Resource[]>;
  /** Parameterised read-only SQL against the same database (sql policy engine). Never string-built. */
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs `fn` in one database transaction: everything or nothing is written. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
