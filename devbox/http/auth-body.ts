// Reads an OAuth request body: application/x-www-form-urlencoded or JSON (Aidbox accepts both).
// Only string values are kept; a repeated form parameter is an error per RFC 6749 §3.1.
import type { Context } from 'hono';
import { OAuthError } from '../auth/oauth-error.ts';

export async function readAuthBody(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  const out: Record<string, string> = {};
  if (/json/i.test(type)) {
    let parsed: unknown;
    try {
      parsed = await c.req.json();
    } catch {
      throw new OAuthError('invalid_request', 'Malformed JSON body');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new OAuthError('invalid_request', 'Body must be a JSON object');
    }
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v === 'string') out[k] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    }
    return out;
  }
  const params = new URLSearchParams(await c.req.text());
  for (const k of new Set(params.keys())) {
    const all = params.getAll(k);
    if (all.length > 1) throw new OAuthError('invalid_request', `Parameter ${k} is repeated`);
    out[k] = all[0] ?? '';
  }
  return out;
}

export function oauthErrorResponse(c: Context, e: OAuthError) {
  c.header('Cache-Control', 'no-store');
  if (e.status === 401 && /^Basic/i.test(c.req.header('authorization') ?? '')) {
    c.header('WWW-Authenticate', 'Basic realm="devbox"');
  }
  return c.json(e.body(), e.status);
}
