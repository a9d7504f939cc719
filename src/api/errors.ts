// Turns any failed Aidbox response into one typed error, and OperationOutcome issues into form errors.
import { OperationOutcomeSchema, type OperationOutcomeIssue } from './types.ts';

export type AidboxErrorKind =
  'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'server';

/** Finer reasons a caller can branch on without re-reading status codes. */
export type AidboxErrorReason = 'exists' | 'version-conflict' | 'rate-limited' | 'gone';

export interface AidboxErrorInit {
  kind: AidboxErrorKind;
  status: number;
  method: string;
  /** Path only (no origin, no query) so messages never carry search terms or tokens. */
  path: string;
  issues?: OperationOutcomeIssue[];
  reason?: AidboxErrorReason;
  retryAfterMs?: number;
  /** A write whose response never arrived: it may or may not have been applied. */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class AidboxError extends Error {
  override readonly name = 'AidboxError';
  readonly kind: AidboxErrorKind;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly issues: OperationOutcomeIssue[];
  readonly reason: AidboxErrorReason | undefined;
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;

  constructor(init: AidboxErrorInit) {
    super(summarize(init), { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.issues = init.issues ?? [];
    this.reason = init.reason;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  /** The server's own words, joined; empty when it said nothing useful. */
  get diagnostics(): string {
    return this.issues
      .map((i) => i.diagnostics ?? i.details?.text ?? '')
      .filter((t) => t !== '')
      .join('\n');
  }
}

function summarize(init: AidboxErrorInit): string {
  const first = init.issues?.find((i) => i.diagnostics ?? i.details?.text);
  const text = first?.diagnostics ?? first?.details?.text;
  const head = init.status ? `${init.method} ${init.path} → ${init.status}` : `${init.method} ${init.path}`;
  return text ? `${head}: ${text}` : `${head} (${init.kind})`;
}

export function isAidboxError(e: unknown): e is AidboxError {
  return e instanceof AidboxError;
}

export function kindForStatus(status: number): AidboxErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429 || status >= 500) return 'server';
  return 'invalid';
}

const MAX_TEXT = 300;

/**
 * Reads issues out of an error body: an OperationOutcome, an OAuth `{error, error_description}`,
 * or anything else (HTML from a proxy, plain text) kept as a short plain-text diagnostic.
 */
export function parseErrorBody(body: unknown): OperationOutcomeIssue[] {
  if (body === null || body === undefined || body === '') return [];
  if (typeof body === 'string') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text === '') return [];
    return [
      {
        severity: 'error',
        code: 'unknown',
        diagnostics: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
      },
    ];
  }
  const outcome = OperationOutcomeSchema.safeParse(body);
  if (outcome.success) return outcome.data.issue;
  if (typeof body === 'object') {
    const oauth = body as { error?: unknown; error_description?: unknown };
    if (typeof oauth.error === 'string') {
      const description = typeof oauth.error_description === 'string' ? oauth.error_description : undefined;
      return [{ severity: 'error', code: oauth.error, diagnostics: description ?? oauth.error }];
    }
  }
  return [];
}

/** Parses `Retry-After` (delta-seconds or HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date always names a weekday/month; without letters it is garbage like "-1".
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface ResponseErrorInput {
  status: number;
  method: string;
  path: string;
  body: unknown;
  retryAfter?: string | null;
}

export function errorFromResponse(input: ResponseErrorInput): AidboxError {
  const issues = parseErrorBody(input.body);
  const kind = kindForStatus(input.status);
  let reason: AidboxErrorReason | undefined;
  if (input.status === 409 || input.status === 412) {
    // Aidbox answers a duplicate POST id with 409; on a versioned write 409 and 412 both mean "moved on".
    reason = input.method === 'POST' ? 'exists' : 'version-conflict';
  } else if (input.status === 429) reason = 'rate-limited';
  else if (input.status === 410) reason = 'gone';
  return new AidboxError({
    kind,
    status: input.status,
    method: input.method,
    path: input.path,
    issues,
    reason,
    retryAfterMs: parseRetryAfter(input.retryAfter ?? null),
  });
}

/**
 * Maps a FHIRPath-ish `issue.expression` onto a react-hook-form path:
 * `Client.auth.authorization_code.redirect_uri` → `auth.authorization_code.redirect_uri`,
 * `Client.grant_types[1]` → `grant_types.1`. Returns undefined for the resource itself.
 */
export function expressionToFieldPath(expression: string, resourceType?: string): string | undefined {
  let expr = expression.trim();
  const dot = expr.indexOf('.');
  const head = dot === -1 ? expr : expr.slice(0, dot);
  // A leading capitalised segment is the resource type (Aidbox always writes it; FHIR usually does).
  if ((resourceType && head === resourceType) || (!resourceType && /^[A-Z][A-Za-z]*$/.test(head))) {
    expr = dot === -1 ? '' : expr.slice(dot + 1);
  }
  const path = expr
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '')
    .join('.');
  return path === '' ? undefined : path;
}

export interface FieldErrors {
  /** form path → messages, for issues that name a field */
  fields: Record<string, string[]>;
  /** messages that belong to the whole form */
  form: string[];
}

export function outcomeToFieldErrors(issues: OperationOutcomeIssue[], resourceType?: string): FieldErrors {
  const result: FieldErrors = { fields: {}, form: [] };
  for (const issue of issues) {
    const message = issue.diagnostics ?? issue.details?.text ?? issue.code ?? 'Invalid value';
    const paths = (issue.expression ?? issue.location ?? [])
      .map((e) => expressionToFieldPath(e, resourceType))
      .filter((p): p is string => p !== undefined);
    if (paths.length === 0) {
      result.form.push(message);
      continue;
    }
    for (const p of paths) (result.fields[p] ??= []).push(message);
  }
  return result;
}
