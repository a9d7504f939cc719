// The transport-neutral shape of one FHIR interaction, so REST routes and Bundle entries share one
// implementation: an interaction takes a FhirRequest and yields a FhirResult (never throws for
// client errors; those become OperationOutcome results).
import type { Reading } from '../context.ts';
import { versionConflictStatus } from './fhir-reading.ts';
import { outcome } from './outcome.ts';
import { StoreError } from '../store/types.ts';
import type { Resource } from '../store/types.ts';

export interface FhirRequest {
  method: string;
  /** Path segments after /fhir, e.g. ['Client', 'x', '_history', '3']. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  contentType?: string | undefined;
  ifMatch?: string | undefined;
  ifNoneExist?: string | undefined;
  /** If-None-Match on read: the caller's cached version (etag-support.md). */
  ifNoneMatch?: string | undefined;
  /** x-conditional-delete header (`remove-all`), delete.md. */
  conditionalDelete?: string | undefined;
}

export interface FhirResult {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

/** A client error raised anywhere inside an interaction. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly expression: string[] = [],
  ) {
    super(message);
    this.name = 'FhirError';
  }
}

export function errorResult(
  status: number,
  code: string,
  diagnostics: string,
  expression: string[] = [],
): FhirResult {
  const issue = {
    severity: status >= 500 ? ('fatal' as const) : ('error' as const),
    code,
    diagnostics,
    ...(expression.length > 0 ? { expression } : {}),
  };
  return { status, body: outcome([issue], code), headers: {} };
}

const STORE_ERRORS: Record<StoreError['kind'], [number, string]> = {
  exists: [409, 'duplicate'],
  'not-found': [404, 'not-found'],
  gone: [410, 'deleted'],
  // If-Match on a missing resource (a version mismatch is handled above, per reading).
  'version-conflict': [412, 'conflict'],
  invalid: [422, 'invalid'],
};

export const VERSION_MISMATCH = 'Version Id mismatch';

/** The version-conflict OperationOutcome exactly as docs/api/rest-api/crud/update.md shows it. */
export function versionConflictResult(status: number): FhirResult {
  return {
    status,
    headers: {},
    body: {
      resourceType: 'OperationOutcome',
      id: 'conflict',
      text: { status: 'generated', div: VERSION_MISMATCH },
      issue: [{ severity: 'fatal', code: 'conflict', diagnostics: VERSION_MISMATCH }],
    },
  };
}

/** Maps thrown errors to results; anything unexpected is rethrown for the 500 handler. */
export function toErrorResult(err: unknown, invalidStatus = 422, reading: Reading = 'strict'): FhirResult {
  if (err instanceof FhirError) return errorResult(err.status, err.code, err.message, err.expression);
  if (err instanceof StoreError && err.kind === 'version-conflict' && err.message === VERSION_MISMATCH) {
    return versionConflictResult(versionConflictStatus(reading));
  }
  if (err instanceof StoreError) {
    const [status, code] = STORE_ERRORS[err.kind];
    return errorResult(err.kind === 'invalid' ? invalidStatus : status, code, err.message, err.expression);
  }
  throw err;
}

/** ETag, Last-Modified and (for creates) Location of a stored resource. */
export function versionHeaders(baseUrl: string, r: Resource, withLocation: boolean): Record<string, string> {
  const vid = r.meta?.versionId;
  const headers: Record<string, string> = {};
  if (vid) headers.ETag = `W/"${vid}"`;
  if (r.meta?.lastUpdated) headers['Last-Modified'] = new Date(r.meta.lastUpdated).toUTCString();
  if (withLocation && vid) headers.Location = `${baseUrl}/fhir/${r.resourceType}/${r.id}/_history/${vid}`;
  return headers;
}

export function resourceResult(
  baseUrl: string,
  status: number,
  r: Resource,
  withLocation = false,
): FhirResult {
  return { status, body: r, headers: versionHeaders(baseUrl, r, withLocation) };
}
