import type { ClientDraft } from '../model/client.ts';
import { grantSettings, hasGrant, holdsSecret, isPublicClient } from './client-grants.ts';
import { checkRedirectUri } from './redirect-uri.ts';

export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  /** Stable rule id, e.g. `implicit-grant`; with `path` it identifies one finding. */
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  /** Dot path of the field to fix, e.g. `auth.authorization_code.pkce`. */
  path: string;
  source: string;
}

const ONE_DAY = 86_400;
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\])(:\d+)?([/?]|$)/i;
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/**
 * Risk findings for a stored Client, used by the list's badges and the security review. Unlike
 * the editor's validation it never blocks anything: it describes what is risky about what exists.
 * Findings come sorted by severity.
 *
 * `hasStoredSecret` is whether Aidbox holds a secret for it (reads never carry the secret itself).
 *
 * @example lintClient({ grant_types: ['implicit'] }, false)[0].id // 'implicit-grant'
 */
export function lintClient(client: ClientDraft, hasStoredSecret: boolean): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const isPublic = isPublicClient(client, hasStoredSecret);

  if (hasGrant(client, 'implicit')) {
    add({
      id: 'implicit-grant',
      severity: 'high',
      title: 'Implicit grant',
      detail: 'The implicit grant leaks access tokens in the URL. Switch to authorization code with PKCE.',
      path: 'grant_types',
      source: 'RFC 9700 §2.1.2',
    });
  }
  if (hasGrant(client, 'password')) {
    add({
      id: 'password-grant',
      severity: 'high',
      title: 'Password grant',
      detail: 'The resource owner password grant exposes user passwords to the client and must not be used.',
      path: 'grant_types',
      source: 'RFC 9700 §2.4',
    });
  }

  for (const [key, settings] of grantSettings(client)) {
    const uri = settings.redirect_uri;
    if (typeof uri === 'string' && uri !== '') lintRedirect(uri, `auth.${key}.redirect_uri`, add);
    if (settings.refresh_token === true && settings.refresh_token_expiration === undefined) {
      add({
        id: 'refresh-no-expiry',
        severity: 'medium',
        title: 'Refresh token never expires',
        detail:
          'Aidbox treats a missing refresh_token_expiration as never expiring. Set an absolute lifetime.',
        path: `auth.${key}.refresh_token_expiration`,
        source: 'OWASP ASVS 5.0 10.4.8',
      });
    }
    const ttl = settings.access_token_expiration;
    if (typeof ttl === 'number' && ttl > ONE_DAY) {
      add({
        id: 'long-access-token',
        severity: 'low',
        title: 'Long-lived access token',
        detail: `Access tokens live ${formatDuration(ttl)}. Keep them short (minutes) and use refresh tokens.`,
        path: `auth.${key}.access_token_expiration`,
        source: 'RFC 6819 §5.1.5.3',
      });
    }
  }

  if (isPublic && hasGrant(client, 'authorization_code') && client.auth?.authorization_code?.pkce !== true) {
    add({
      id: 'public-without-pkce',
      severity: 'high',
      title: 'Public client without PKCE',
      detail: 'A client without a secret must require PKCE, or stolen authorization codes can be redeemed.',
      path: 'auth.authorization_code.pkce',
      source: 'RFC 9700 §2.1.1',
    });
  }

  const codeSettings = client.auth?.authorization_code;
  const browserApp =
    (Array.isArray(client.allowed_origins) && client.allowed_origins.length > 0) ||
    hasGrant(client, 'implicit');
  if (holdsSecret(client, hasStoredSecret) && (browserApp || codeSettings?.secret_required === false)) {
    add({
      id: 'browser-holds-secret',
      severity: 'medium',
      title: 'Secret on a browser or public client',
      detail: browserApp
        ? 'A browser app cannot keep a secret: anyone can read it from the page. Remove the secret and use PKCE.'
        : 'This client has a secret but does not require it for the authorization code flow, so it protects nothing there.',
      path: 'secret',
      source: 'RFC 10017 "Client Authentication"',
    });
  }

  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function lintRedirect(uri: string, path: string, add: (f: Finding) => void): void {
  if (uri.includes('*')) {
    add({
      id: 'wildcard-redirect',
      severity: 'high',
      title: 'Wildcard redirect URI',
      detail: 'Redirect URIs are compared exactly; a wildcard invites open-redirect and code theft.',
      path,
      source: 'RFC 9700 §4.1.3',
    });
  }
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  if (scheme === 'http' && !LOOPBACK.test(uri)) {
    add({
      id: 'redirect-not-https',
      severity: 'high',
      title: 'Redirect URI without https',
      detail: 'Codes and tokens sent over plain http can be intercepted. Use https.',
      path,
      source: 'RFC 9700 §4.1',
    });
    return;
  }
  const check = checkRedirectUri(uri, { clientKind: 'unknown' });
  // Other rule breaks (fragment, illegal scheme, userinfo…) are summarised in one finding.
  const others = check.errors.filter((e) => !e.startsWith('Wildcards'));
  if (others.length > 0) {
    add({
      id: 'redirect-invalid',
      severity: 'medium',
      title: 'Redirect URI breaks registration rules',
      detail: others.join(' '),
      path,
      source: 'RFC 9700 §2.1',
    });
  }
}

export function formatDuration(seconds: number): string {
  if (seconds % ONE_DAY === 0) return plural(seconds / ONE_DAY, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
