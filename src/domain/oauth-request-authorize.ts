// The authorization step of the playground's code (and legacy implicit) flow: PKCE values, the
// authorize URL, and checking what came back against what this tab started (state, issuer).
// Mix-up defence per RFC 9207 / security.md §1.1: each request remembers its issuer.

/** What the opener remembers per started authorization; kept in memory only. */
export interface PendingAuthorization {
  state: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  responseType: 'code' | 'token';
  codeVerifier: string;
  nonce: string;
  scope: string;
  /** `login`: the server must ask for credentials again instead of reusing its login session. */
  prompt?: 'login';
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random octets, base64url: 43 chars, 256 bits (RFC 7636 §4.1 recommendation). */
export function randomValue(bytes = 32): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** S256 challenge (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

export async function authorizeUrl(endpoint: string, pending: PendingAuthorization): Promise<string> {
  const url = new URL(endpoint);
  const p = url.searchParams;
  p.set('response_type', pending.responseType);
  p.set('client_id', pending.clientId);
  p.set('redirect_uri', pending.redirectUri);
  if (pending.scope.trim() !== '') p.set('scope', pending.scope.trim());
  p.set('state', pending.state);
  p.set('nonce', pending.nonce);
  // OIDC Core §3.1.2.1; Aidbox lists it in prompt_values_supported of its discovery document.
  if (pending.prompt) p.set('prompt', pending.prompt);
  if (pending.responseType === 'code') {
    p.set('code_challenge', await pkceChallenge(pending.codeVerifier));
    p.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

export type AuthorizationOutcome =
  | { ok: true; pending: PendingAuthorization; code: string; iss: string | undefined }
  | {
      ok: true;
      pending: PendingAuthorization;
      accessToken: string;
      tokenType: string | undefined;
      expiresIn: string | undefined;
    }
  | {
      ok: false;
      reason:
        | 'not-a-url'
        | 'no-response'
        | 'unknown-state'
        | 'issuer-mismatch'
        | 'wrong-redirect'
        | 'error'
        | 'no-code';
      message: string;
      /** The OAuth error code and description the server sent, shown as text. */
      error?: string;
      description?: string;
    };

function responseParams(url: URL): URLSearchParams {
  // Implicit answers in the fragment, code in the query (RFC 6749 §4.2.2 vs §4.1.2).
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (fragment.has('state') || fragment.has('access_token') || fragment.has('error')) return fragment;
  return url.searchParams;
}

function withoutQuery(u: string): string {
  return u.split(/[?#]/)[0] ?? u;
}

/**
 * Checks a redirect the developer landed on (posted by our callback page or pasted). `lookup`
 * finds the pending request by state; the caller forgets it afterwards so a state works once.
 */
export function checkAuthorizationResponse(
  landedOn: string,
  lookup: (state: string) => PendingAuthorization | undefined,
): AuthorizationOutcome {
  let url: URL;
  try {
    url = new URL(landedOn.trim());
  } catch {
    return {
      ok: false,
      reason: 'not-a-url',
      message: 'That is not a URL. Paste the full address you landed on.',
    };
  }
  const params = responseParams(url);
  const state = params.get('state');
  if (!state && !params.has('code') && !params.has('error') && !params.has('access_token')) {
    return {
      ok: false,
      reason: 'no-response',
      message: 'This URL carries no authorization response (no code, error or state parameter).',
    };
  }
  const pending = state ? lookup(state) : undefined;
  if (!pending) {
    return {
      ok: false,
      reason: 'unknown-state',
      message:
        'Refused: the state does not match any authorization started in this tab (already used, ' +
        'started elsewhere, or forged). Start the flow again.',
    };
  }
  const iss = params.get('iss') ?? undefined;
  if (iss !== undefined && iss !== pending.issuer) {
    return {
      ok: false,
      reason: 'issuer-mismatch',
      message: `Refused: the response names issuer "${iss}", but this authorization was sent to "${pending.issuer}" (RFC 9207 mix-up defence).`,
    };
  }
  if (withoutQuery(url.toString()) !== withoutQuery(pending.redirectUri)) {
    return {
      ok: false,
      reason: 'wrong-redirect',
      message: `Refused: this URL is not the redirect URI the authorization used (${pending.redirectUri}).`,
    };
  }
  const error = params.get('error');
  if (error !== null) {
    return {
      ok: false,
      reason: 'error',
      message: 'The authorization server refused the request.',
      error,
      description: params.get('error_description') ?? undefined,
    };
  }
  if (pending.responseType === 'token') {
    const accessToken = params.get('access_token');
    if (!accessToken)
      return { ok: false, reason: 'no-code', message: 'The response carries no access_token.' };
    return {
      ok: true,
      pending,
      accessToken,
      tokenType: params.get('token_type') ?? undefined,
      expiresIn: params.get('expires_in') ?? undefined,
    };
  }
  const code = params.get('code');
  if (!code) return { ok: false, reason: 'no-code', message: 'The response carries no code.' };
  return { ok: true, pending, code, iss };
}
