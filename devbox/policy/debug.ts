// Dev-mode debug output (__debug=policy, /auth/test-policy, x-debug: policy). Credentials are
// redacted from the echoed request object so a pasted debug response never leaks a token.
import { isRecord } from './path.ts';
import { redactHeaders } from './request.ts';
import type { Reading } from '../context.ts';
import type { PolicyRequest, PolicyResult, RuleResult } from './types.ts';

export function debugRequest(request: PolicyRequest): PolicyRequest {
  const headers = request.headers;
  if (!isRecord(headers)) return request;
  const plain: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') plain[k] = v;
  return { ...request, headers: redactHeaders(plain) };
}

/**
 * The result field's name in `__debug=policy` output: debug-access-control.md puts each policy's
 * result under `evalResult`; the alternate reading uses `eval-result`, the name
 * `/auth/test-policy` documents. devbox/README.md, "Readings".
 */
export type DebugField = 'evalResult' | 'eval-result';

export function debugFieldFor(reading: Reading): DebugField {
  return reading === 'alternate' ? 'eval-result' : 'evalResult';
}

/** A rule result with its boolean under `field`, sub-results of complex rules likewise. */
export function formatResult(r: RuleResult, field: DebugField): Record<string, unknown> {
  const { 'eval-result': value, rules, ...rest } = r;
  return { [field]: value, ...rest, ...(rules ? { rules: rules.map((x) => formatResult(x, field)) } : {}) };
}

/**
 * `x-debug: policy` (debug-access-control.md): one log line per evaluated policy, in the spirit
 * of Aidbox's `:auth/trace-policy {:access-policy-id …, :policy-type …}`.
 */
export function tracePolicies(results: PolicyResult[], method: string, uri: string): void {
  for (const r of results) {
    const line = {
      'access-policy-id': r.id,
      'policy-type': r.engine,
      'eval-result': r['eval-result'],
      request: `${method} ${uri}`,
      ...(r.error ? { error: r.error } : {}),
    };
    console.log(`devbox auth/trace-policy ${JSON.stringify(line)}`);
  }
}
