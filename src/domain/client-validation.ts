import type { ClientKindId } from './client-kinds.ts';
import type { ClientDraft } from '../model/client.ts';
import {
  GRANT_TYPES,
  grantList,
  grantSettings,
  hasGrant,
  holdsSecret,
  isPublicClient,
} from './client-grants.ts';
import { checkRedirectUri } from './redirect-uri.ts';
import { isLoopbackHttp } from './jwks-validate.ts';

export interface RuleIssue {
  /** Dot path of the field, e.g. `auth.authorization_code.redirect_uri`; `''` for the whole Client. */
  path: string;
  message: string;
}

export interface ValidationResult {
  /** Rule violations: saving is blocked until they are fixed. */
  errors: RuleIssue[];
  /** Shown beside the field; saving is allowed. */
  warnings: RuleIssue[];
  /**
   * Violations the loaded Client already had, in fields this edit leaves as they were (issue 14
   * §5): saving is allowed once the user acknowledges them. Empty for a new Client.
   */
  existing: RuleIssue[];
}

export interface ValidationContext {
  isNew: boolean;
  clientKind: ClientKindId | 'unknown';
  /** The Client as loaded; legacy grants it already had are warned about, not refused. */
  loaded?: ClientDraft;
  /**
   * Aidbox holds a secret for the Client being edited (reads never carry it, api/ reports it). A new
   * Client has none stored; its draft carries the secret it is about to be created with.
   */
  hasStoredSecret?: boolean;
  /** The user confirmed, explicitly, that they need a legacy grant (implicit/password). */
  legacyOverride?: boolean;
}

/** Aidbox/FHIR id rule. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const LEGACY_GRANTS = { implicit: 'RFC 9700 §2.1.2', password: 'RFC 9700 §2.4' } as const;
const LIFETIMES = ['access_token_expiration', 'refresh_token_expiration'] as const;

/**
 * The registration rules the editor enforces (security.md §2, §9.B). Pure: the same function
 * checks the form, the raw JSON tab and the create flow.
 */
export function validateClient(client: ClientDraft, ctx: ValidationContext): ValidationResult {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const error = (path: string, message: string) => errors.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });

  const id = client.id ?? '';
  if (ctx.isNew && !CLIENT_ID_PATTERN.test(id)) {
    error(
      'id',
      id === ''
        ? 'Enter a client id.'
        : 'Use 1–64 characters: letters, digits, "-" and "." only (the id is the OAuth client_id).',
    );
  }

  checkGrants(client, ctx, error, warn);

  for (const [key, settings] of grantSettings(client)) {
    const base = `auth.${key}`;
    const uri = settings.redirect_uri;
    if (uri !== undefined && typeof uri !== 'string')
      error(`${base}.redirect_uri`, 'Enter the redirect URI as text.');
    if (typeof uri === 'string' && uri !== '') {
      const check = checkRedirectUri(uri, { clientKind: ctx.clientKind });
      for (const m of check.errors) error(`${base}.redirect_uri`, m);
      for (const m of check.warnings) warn(`${base}.redirect_uri`, m);
    }
    for (const field of LIFETIMES) {
      const value = settings[field];
      if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value > 0)) {
        error(`${base}.${field}`, 'Enter a whole number of seconds greater than 0.');
      }
    }
    if (settings.refresh_token === true && settings.refresh_token_expiration === undefined) {
      warn(
        `${base}.refresh_token_expiration`,
        'Aidbox treats a missing value as never expiring; set an absolute lifetime.',
      );
    }
    if (settings.token_format !== undefined && settings.token_format !== 'jwt') {
      error(`${base}.token_format`, 'Aidbox supports only "jwt"; leave it empty for opaque tokens.');
    }
  }

  const needsRedirect = (['authorization_code', 'implicit'] as const).filter((k) => hasGrant(client, k));
  for (const key of needsRedirect) {
    if (!client.auth?.[key]?.redirect_uri) {
      error(`auth.${key}.redirect_uri`, 'Enter the redirect URI this grant sends users back to.');
    }
  }

  if (
    hasGrant(client, 'authorization_code') &&
    isPublicClient(client, ctx.hasStoredSecret === true) &&
    client.auth?.authorization_code?.pkce !== true
  ) {
    error('auth.authorization_code.pkce', 'PKCE is required for public clients (clients without a secret).');
  }

  if (ctx.clientKind === 'spa' || ctx.clientKind === 'mobile') {
    if (
      holdsSecret(client, ctx.hasStoredSecret === true) ||
      client.auth?.authorization_code?.secret_required === true
    ) {
      warn(
        'auth.authorization_code.secret_required',
        'A browser or mobile app cannot keep a secret; use PKCE without a secret.',
      );
    }
  }

  checkUrls(client, error, warn);
  if (ctx.isNew || !ctx.loaded) return { errors, warnings, existing: [] };
  return splitExisting({ errors, warnings, existing: [] }, client, ctx.loaded, ctx);
}

/**
 * Moves each error the loaded Client already had (same field, same message) out of `errors` when
 * the edit left that field exactly as loaded. Touching the field, or a new violation, still blocks.
 */
function splitExisting(
  result: ValidationResult,
  client: ClientDraft,
  loaded: ClientDraft,
  ctx: ValidationContext,
): ValidationResult {
  const before = validateClient(loaded, { ...ctx, loaded: undefined, legacyOverride: false });
  const had = new Set(before.errors.map((e) => `${e.path}\u0000${e.message}`));
  const errors: RuleIssue[] = [];
  const existing: RuleIssue[] = [];
  for (const e of result.errors) {
    const untouched = e.path !== '' && sameJson(valueAt(client, e.path), valueAt(loaded, e.path));
    (had.has(`${e.path}\u0000${e.message}`) && untouched ? existing : errors).push(e);
  }
  return { errors, warnings: result.warnings, existing };
}

function valueAt(value: unknown, path: string): unknown {
  let at = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkGrants(
  client: ClientDraft,
  ctx: ValidationContext,
  error: (p: string, m: string) => void,
  warn: (p: string, m: string) => void,
): void {
  const grants = client.grant_types;
  if (grants !== undefined && !Array.isArray(grants)) {
    error('grant_types', 'grant_types must be a list.');
    return;
  }
  for (const g of grants ?? []) {
    if (!(GRANT_TYPES as readonly unknown[]).includes(g))
      error('grant_types', `"${String(g)}" is not a grant type Aidbox knows.`);
  }
  if ((grants ?? []).length === 0) warn('grant_types', 'With no grant type the client cannot obtain tokens.');

  for (const [grant, source] of Object.entries(LEGACY_GRANTS)) {
    if (!grants?.includes(grant)) continue;
    const hadIt = !ctx.isNew && ctx.loaded !== undefined && grantList(ctx.loaded).includes(grant);
    const risk = `The ${grant} grant must no longer be used (${source}).`;
    if (hadIt) warn('grant_types', `${risk} This client already has it; plan to remove it.`);
    else if (ctx.legacyOverride) warn('grant_types', `${risk} Enabled by an explicit legacy override.`);
    else error('grant_types', `${risk} Use authorization code with PKCE, or confirm the legacy override.`);
  }
}

function checkUrls(
  client: ClientDraft,
  error: (p: string, m: string) => void,
  warn: (p: string, m: string) => void,
): void {
  // Plain http on loopback is for development (issue 12 §2; devbox fetches it too): the review flags it.
  const jwksUri = client.jwks_uri;
  if (jwksUri !== undefined && jwksUri !== '' && !isHttpsUrl(jwksUri) && !isLoopbackHttp(jwksUri)) {
    error(
      'jwks_uri',
      'The JWKS URI must be an https:// address. Plain http is allowed only on localhost, for development.',
    );
  }
  const smart = client.smart as { launch_uri?: unknown } | undefined;
  if (typeof smart?.launch_uri === 'string' && smart.launch_uri !== '' && !isHttpsUrl(smart.launch_uri)) {
    error('smart.launch_uri', 'The launch URI must be an https:// address.');
  }
  const origins: unknown = client.allowed_origins;
  if (origins !== undefined && !Array.isArray(origins))
    error('allowed_origins', 'allowed_origins must be a list.');
  for (const [i, origin] of (Array.isArray(origins) ? (origins as unknown[]) : []).entries()) {
    if (typeof origin !== 'string') {
      error(`allowed_origins.${i}`, 'Enter each origin as text.');
      continue;
    }
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || origin.includes('*')) {
      error(`allowed_origins.${i}`, `"${origin}" is not an origin like https://app.example.com.`);
    } else if (url.protocol === 'http:' && !/^(127\.0\.0\.1|\[::1\]|localhost)$/.test(url.hostname)) {
      warn(`allowed_origins.${i}`, `"${origin}" uses plain http; use https.`);
    }
  }
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
