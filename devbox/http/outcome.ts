// OperationOutcome bodies: every devbox error on /fhir is one of these (Aidbox §3.5).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface OutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  expression?: string[];
}

export function outcome(issues: OutcomeIssue[], id?: string) {
  return { resourceType: 'OperationOutcome', ...(id ? { id } : {}), issue: issues };
}

/** One-issue OperationOutcome response, e.g. fail(c, 404, 'not-found', 'Resource Client/x not found'). */
export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  diagnostics: string,
  expression?: string[],
) {
  const issue: OutcomeIssue = { severity: status >= 500 ? 'fatal' : 'error', code, diagnostics };
  if (expression?.length) issue.expression = expression;
  return c.json(outcome([issue], code), status);
}
