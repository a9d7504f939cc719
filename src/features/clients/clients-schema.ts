// The editor's form: its zod schema is the single source of the value type. The form holds only
// the fields it shows; `applyForm` writes back only the fields the user changed, so everything the
// form does not know (extensions, `_secret`, odd values) stays byte-identical.
import * as z from 'zod/mini';
import { AUTH_KEYS, authKeyForGrant } from '../../domain/client-grants.ts';
import type { AuthKey } from '../../model/client.ts';
import { isJsonObject } from '../../domain/json-diff.ts';
import type { JsonObject, JsonValue as Json } from '../../model/json.ts';

const seconds = z.string().check(z.regex(/^\d*$/, 'Enter a whole number of seconds.'));

export const grantFormSchema = z.object({
  redirect_uri: z.string(),
  pkce: z.boolean(),
  secret_required: z.boolean(),
  token_format: z.enum(['', 'jwt']),
  access_token_expiration: seconds,
  refresh_token: z.boolean(),
  refresh_token_expiration: seconds,
  audience: z.string(),
});
export type GrantFormValues = z.infer<typeof grantFormSchema>;

export const clientFormSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.string(),
  active: z.boolean(),
  first_party: z.boolean(),
  trusted: z.boolean(),
  grant_types: z.array(z.string()),
  auth: z.object({
    authorization_code: grantFormSchema,
    client_credentials: grantFormSchema,
    password: grantFormSchema,
    implicit: grantFormSchema,
    token_exchange: grantFormSchema,
  }),
  scope: z.string(),
  allowed_origins: z.string(),
  allowedIssuers: z.string(),
  jwks_uri: z.string(),
  /** The stored keys as they are (a stored private member is shown as a problem, then removed). */
  jwks: z.array(z.record(z.string(), z.unknown())),
  fhir_base_url: z.string(),
  smart: z.object({ launch_uri: z.string(), name: z.string(), description: z.string() }),
  details: z
    .string()
    .check(z.refine(isJsonObjectText, 'Enter a JSON object, for example {"team": "billing"}.')),
  /** Not a Client field: the explicit confirmation that a legacy grant is really needed. */
  legacyOverride: z.boolean(),
});
export type ClientFormValues = z.infer<typeof clientFormSchema>;

function isJsonObjectText(text: string): boolean {
  if (text.trim() === '') return true;
  try {
    return isJsonObject(JSON.parse(text));
  } catch {
    return false;
  }
}

const str = (v: Json | undefined) => (typeof v === 'string' ? v : '');
const bool = (v: Json | undefined) => v === true;
const num = (v: Json | undefined) => (typeof v === 'number' ? String(v) : '');
const lines = (v: Json | undefined) =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '';
const obj = (v: Json | undefined): JsonObject => (isJsonObject(v) ? v : {});

function grantToForm(g: JsonObject): GrantFormValues {
  return {
    redirect_uri: str(g.redirect_uri),
    pkce: bool(g.pkce),
    secret_required: bool(g.secret_required),
    token_format: g.token_format === 'jwt' ? 'jwt' : '',
    access_token_expiration: num(g.access_token_expiration),
    refresh_token: bool(g.refresh_token),
    refresh_token_expiration: num(g.refresh_token_expiration),
    audience: lines(g.audience),
  };
}

export function toFormValues(client: JsonObject): ClientFormValues {
  const auth = obj(client.auth);
  const smart = obj(client.smart);
  return {
    name: str(client.name),
    description: str(client.description),
    type: str(client.type),
    // Aidbox treats a Client without `active` as active.
    active: client.active !== false,
    first_party: bool(client.first_party),
    trusted: bool(client.trusted),
    grant_types: Array.isArray(client.grant_types)
      ? client.grant_types.filter((g): g is string => typeof g === 'string')
      : [],
    auth: Object.fromEntries(AUTH_KEYS.map((k) => [k, grantToForm(obj(auth[k]))])) as Record<
      AuthKey,
      GrantFormValues
    >,
    scope: lines(client.scope),
    allowed_origins: lines(client.allowed_origins),
    allowedIssuers: lines(client.allowedIssuers),
    jwks_uri: str(client.jwks_uri),
    jwks: Array.isArray(client.jwks) ? client.jwks.filter(isJsonObject) : [],
    fhir_base_url: str(client['fhir-base-url']),
    smart: { launch_uri: str(smart.launch_uri), name: str(smart.name), description: str(smart.description) },
    details: isJsonObject(client.details) ? JSON.stringify(client.details, null, 2) : '',
    legacyOverride: false,
  };
}

type Conv = (value: unknown) => Json | undefined;
const text: Conv = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
// Redirect URIs are stored exactly as typed (security.md §2: no normalisation by the console).
const exact: Conv = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const flag: Conv = (v) => v === true;
const integer: Conv = (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const list: Conv = (v) => {
  const items =
    typeof v === 'string'
      ? v
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  return items.length > 0 ? items : undefined;
};
// Scopes are space-separated (RFC 6749 §3.3), typed one per line or several on one; never split
// on commas, which FHIR search values inside a scope use (category=laboratory,vital-signs).
const scopes: Conv = (v) => {
  const items = typeof v === 'string' ? [...new Set(v.split(/\s+/).filter(Boolean))] : [];
  return items.length > 0 ? items : undefined;
};
const jsonObject: Conv = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const parsed = JSON.parse(v) as Json;
  return isJsonObject(parsed) ? parsed : undefined;
};

const GRANT_FIELDS: [keyof GrantFormValues, Conv][] = [
  ['redirect_uri', exact],
  ['pkce', flag],
  ['secret_required', flag],
  ['token_format', text],
  ['access_token_expiration', integer],
  ['refresh_token', flag],
  ['refresh_token_expiration', integer],
  ['audience', list],
];

/** Form path → Client path and converter, for every field the form owns. */
const FIELDS: [string, string[], Conv][] = [
  ['name', ['name'], text],
  ['description', ['description'], text],
  ['type', ['type'], text],
  ['active', ['active'], flag],
  ['first_party', ['first_party'], flag],
  ['trusted', ['trusted'], flag],
  ['grant_types', ['grant_types'], (v) => (Array.isArray(v) ? (v as string[]) : undefined)],
  ['scope', ['scope'], scopes],
  ['allowed_origins', ['allowed_origins'], list],
  ['allowedIssuers', ['allowedIssuers'], list],
  ['jwks_uri', ['jwks_uri'], exact],
  ['jwks', ['jwks'], (v) => (Array.isArray(v) && v.length > 0 ? (v as Json) : undefined)],
  ['fhir_base_url', ['fhir-base-url'], text],
  ['smart.launch_uri', ['smart', 'launch_uri'], exact],
  ['smart.name', ['smart', 'name'], text],
  ['smart.description', ['smart', 'description'], text],
  ['details', ['details'], jsonObject],
  ...AUTH_KEYS.flatMap((k) =>
    GRANT_FIELDS.map(([f, conv]): [string, string[], Conv] => [`auth.${k}.${f}`, ['auth', k, f], conv]),
  ),
];

function getPath(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (isJsonObject(v) ? v[k] : undefined), values);
}

function setPath(target: JsonObject, path: string[], value: Json | undefined): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isJsonObject(next)) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as JsonObject;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * The edited Client: `base` with only the form fields that differ from `initial` written back.
 * Settings blocks of grants the user switched off are removed, so hidden settings cannot keep
 * failing (or weakening) a Client.
 */
export function applyForm(base: JsonObject, initial: ClientFormValues, values: ClientFormValues): JsonObject {
  const out = structuredClone(base);
  for (const [formPath, clientPath, conv] of FIELDS) {
    const before = getPath(initial, formPath);
    const after = getPath(values, formPath);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    setPath(out, clientPath, conv(after));
  }
  const auth = out.auth;
  if (isJsonObject(auth)) {
    let removed = false;
    for (const key of AUTH_KEYS) {
      const had = initial.grant_types.some((g) => authKeyForGrant(g) === key);
      const has = values.grant_types.some((g) => authKeyForGrant(g) === key);
      if (had && !has && key in auth) {
        delete auth[key];
        removed = true;
      }
    }
    if (removed && Object.keys(auth).length === 0) delete out.auth;
  }
  if (isJsonObject(out.smart) && Object.keys(out.smart).length === 0 && !isJsonObject(base.smart))
    delete out.smart;
  return out;
}

/** A domain rule path (`allowed_origins.2`) → the form field that shows it (`allowed_origins`). */
export function formFieldForPath(path: string): string {
  if (path.startsWith('allowed_origins')) return 'allowed_origins';
  if (path === 'fhir-base-url') return 'fhir_base_url';
  if (path.startsWith('grant_types')) return 'grant_types';
  if (path.startsWith('details')) return 'details';
  // SMART findings name one scope or key (`scope.2`, `jwks.0`); the form edits the list as a whole.
  if (/^scope\./.test(path)) return 'scope';
  if (/^jwks\./.test(path)) return 'jwks';
  return path;
}
