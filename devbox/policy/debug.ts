// Dev-mode debug output (__debug=policy, /auth/test-policy). Credentials are redacted from the
// echoed request object so a pasted debug response never leaks a token.
import { isRecord } from './path.ts';
import { redactHeaders } from './request.ts';
import type { PolicyRequest } from './types.ts';

export function debugRequest(request: PolicyRequest): PolicyRequest {
  const headers = request.headers;
  if (!isRecord(headers)) return request;
  const plain: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') plain[k] = v;
  return { ...request, headers: redactHeaders(plain) };
}
