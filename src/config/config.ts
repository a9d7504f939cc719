// Runtime configuration: config.json beside index.html, validated before anything else starts.
import * as z from 'zod/mini';

export interface ConsoleConfig {
  /** Aidbox base URL without a trailing slash; also the OIDC issuer. */
  aidboxUrl: string;
  clientId: string;
  scopes: string;
}

const httpUrl = z.string().check(
  z.refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without user info, e.g. "https://aidbox.example.com"'),
  z.refine((value) => !value.includes('?') && !value.includes('#'), 'must not contain a query or fragment'),
);

const ConfigSchema = z.object({
  aidboxUrl: httpUrl,
  clientId: z.string().check(z.trim(), z.minLength(1, 'must be a non-empty string')),
  scopes: z._default(z.string().check(z.trim(), z.minLength(1, 'must be a non-empty string')), 'openid'),
});

/** A problem found at start-up, phrased for the person who deploys the console. */
export interface StartupProblem {
  title: string;
  /** what is wrong, naming the offending value */
  detail: string;
  /** the offending value exactly as found (rendered as text) */
  value?: string;
  /** what to do next */
  fix: string;
}

export type ConfigResult = { ok: true; config: ConsoleConfig } | { ok: false; problem: StartupProblem };

const CONFIG_FIX =
  'Edit config.json next to index.html so it reads like {"aidboxUrl": "https://aidbox.example.com", "clientId": "aidbox-console", "scopes": "openid"}, then reload.';

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Validates already-parsed JSON; every problem names the field and the value found. */
export function parseConfig(raw: unknown): ConfigResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      problem: {
        title: 'config.json is not an object',
        detail: 'config.json must contain one JSON object.',
        value: show(raw),
        fix: CONFIG_FIX,
      },
    };
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) {
    return { ok: true, config: { ...parsed.data, aidboxUrl: parsed.data.aidboxUrl.replace(/\/+$/, '') } };
  }
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '?');
  const found = (raw as Record<string, unknown>)[field];
  const why = issue?.message ?? `must be ${expected(field)}`;
  return {
    ok: false,
    problem: {
      title: `config.json: "${field}" ${found === undefined ? 'is missing' : 'is invalid'}`,
      detail:
        found === undefined
          ? `The field "${field}" is missing; expected ${expected(field)}.`
          : `The field "${field}" ${why}.`,
      value: show(found),
      fix: CONFIG_FIX,
    },
  };
}

function expected(field: string): string {
  if (field === 'aidboxUrl') return 'an http(s) URL';
  return 'a non-empty string';
}

/** Fetches and validates /config.json, bypassing every cache so a fixed file applies on reload. */
export async function loadConfig(fetchFn: typeof fetch = fetch, url = '/config.json'): Promise<ConfigResult> {
  let res: Response;
  try {
    res = await fetchFn(url, { cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    return {
      ok: false,
      problem: {
        title: 'config.json could not be loaded',
        detail: `The request for ${url} failed: ${e instanceof Error ? e.message : String(e)}.`,
        fix: 'Check that the web server serving the console is running and serves config.json, then reload.',
      },
    };
  }
  if (!res.ok) {
    return {
      ok: false,
      problem: {
        title: 'config.json could not be loaded',
        detail: `The web server answered HTTP ${res.status} for ${url}.`,
        fix: 'Place config.json next to index.html (see README, "Use with your Aidbox"), then reload.',
      },
    };
  }
  const text = await res.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problem: {
        title: 'config.json is not valid JSON',
        detail: `JSON parse error: ${e instanceof Error ? e.message : String(e)}.`,
        value: text.length > 200 ? `${text.slice(0, 200)}…` : text,
        fix: CONFIG_FIX,
      },
    };
  }
  return parseConfig(raw);
}
