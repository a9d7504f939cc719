// Who signed in. From a validated ID token when Aidbox sends one; otherwise from the token
// response's `userinfo` or from the userinfo endpoint, both fetched directly from Aidbox with a code
// bound by PKCE S256 and an exact `state` (docs/decisions/0060).
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { validateIdToken } from './id-token.ts';
import type { TokenResponse } from './token-response.ts';

export interface Identity {
  /** what the header shows and the matrix's risk checks use (sub, name, email) */
  claims: JWTPayload;
  /** the validated ID token's claims; a refreshed ID token must match them (OIDC Core §12.2) */
  idToken: JWTPayload | undefined;
}

export interface IdentitySource {
  issuer: string;
  clientId: string;
  keys: JWTVerifyGetKey;
  /** the nonce sent with this sign-in; a nonce in the ID token must equal it */
  nonce: string;
  userinfoEndpoint: string | undefined;
  fetchFn?: typeof fetch;
}

const USERINFO_TIMEOUT_MS = 8_000;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * Claims from a userinfo answer: OIDC's `sub`, or the Aidbox User's `id` (the code-flow pages show a
 * `userinfo` with `id` only). Aidbox's `name` is an object ({givenName, familyName, formatted}).
 */
export function claimsFromUserinfo(userinfo: unknown): JWTPayload | undefined {
  if (typeof userinfo !== 'object' || userinfo === null || Array.isArray(userinfo)) return undefined;
  const u = userinfo as Record<string, unknown>;
  const sub = text(u.sub) ?? text(u.id);
  if (!sub) return undefined;
  const claims: JWTPayload = { sub };
  const email = text(u.email);
  if (email) claims.email = email;
  let name = text(u.name);
  if (!name && typeof u.name === 'object' && u.name !== null) {
    const n = u.name as Record<string, unknown>;
    name =
      text(n.formatted) ?? ([text(n.givenName), text(n.familyName)].filter(Boolean).join(' ') || undefined);
  }
  if (name) claims.name = name;
  const username = text(u.preferred_username) ?? text(u.userName);
  if (username) claims.preferred_username = username;
  return claims;
}

async function fetchUserinfo(endpoint: string, accessToken: string, fetchFn: typeof fetch): Promise<unknown> {
  const res = await fetchFn(endpoint, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    credentials: 'omit',
    signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`Aidbox's userinfo endpoint answered HTTP ${res.status}`);
  return res.json();
}

/** Validates the ID token if there is one, else reads the identity from userinfo. */
export async function resolveIdentity(tokens: TokenResponse, source: IdentitySource): Promise<Identity> {
  if (tokens.id_token) {
    const idToken = await validateIdToken(tokens.id_token, {
      issuer: source.issuer,
      clientId: source.clientId,
      keys: source.keys,
      nonce: source.nonce,
    });
    return { claims: idToken, idToken };
  }
  let claims = claimsFromUserinfo(tokens.userinfo);
  if (!claims && source.userinfoEndpoint) {
    claims = claimsFromUserinfo(
      await fetchUserinfo(source.userinfoEndpoint, tokens.access_token, source.fetchFn ?? fetch),
    );
  }
  if (!claims) {
    throw new Error(
      'Aidbox returned neither an ID token nor user information, so the console cannot tell who signed in',
    );
  }
  return { claims, idToken: undefined };
}
