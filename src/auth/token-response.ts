// The token endpoint's answer, read as Aidbox documents it rather than as an OpenID provider must
// send it: `id_token` may be absent (identity then comes in `userinfo`), `expires_in` may be absent,
// and `refresh_token` may be absent or `null` (smart-backend-services.md). See docs/decisions/0060.
import type { OidcClient } from 'oidc-client-ts';

export interface TokenResponse {
  access_token: string;
  refresh_token: string | undefined;
  id_token: string | undefined;
  scope: string | undefined;
  /** seconds, as sent; undefined when the server sent none */
  expires_in: number | undefined;
  /** Aidbox's `userinfo` (the User resource) when the token response carries it */
  userinfo: Record<string, unknown> | undefined;
}

const TOKEN_TIMEOUT_MS = 10_000;

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Throws on a body without an access token; every other field is optional, `null` included. */
export function parseTokenResponse(body: unknown): TokenResponse {
  if (typeof body !== 'object' || body === null)
    throw new Error('The token endpoint answered no JSON object');
  const b = body as Record<string, unknown>;
  const access = optionalString(b.access_token);
  if (!access) throw new Error('The token endpoint answered without an access_token');
  const rawExpiry = typeof b.expires_in === 'string' ? Number(b.expires_in) : b.expires_in;
  const userinfo = b.userinfo;
  return {
    access_token: access,
    refresh_token: optionalString(b.refresh_token),
    id_token: optionalString(b.id_token),
    scope: optionalString(b.scope),
    expires_in:
      typeof rawExpiry === 'number' && Number.isFinite(rawExpiry) && rawExpiry >= 0 ? rawExpiry : undefined,
    userinfo:
      typeof userinfo === 'object' && userinfo !== null && !Array.isArray(userinfo)
        ? (userinfo as Record<string, unknown>)
        : undefined,
  };
}

/** An OAuth error from the token endpoint, with its `error` code kept for the message. */
export class TokenEndpointError extends Error {
  constructor(
    readonly error: string,
    description: string | undefined,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'TokenEndpointError';
  }
}

/** Thrown when the URL's `state` is not one this tab created (forged, replayed, or Back). */
export class UnknownStateError extends Error {
  constructor() {
    super('No matching sign-in state');
    this.name = 'UnknownStateError';
  }
}

export interface CodeExchange {
  tokens: TokenResponse;
  /** the nonce this tab sent with the request, if any */
  nonce: string | undefined;
  /** what was passed as `state` data when the request was created */
  userState: unknown;
}

/**
 * Completes an authorization-code redirect: reads and removes this tab's flow state (oidc-client-ts
 * keeps it), then redeems the code with its PKCE verifier ourselves, because the library refuses a
 * token response without an ID token when the scope holds `openid`, and Aidbox documents exactly
 * such responses (authorization-code-grant.md).
 */
export async function exchangeCode(
  client: OidcClient,
  url: string,
  fetchFn: typeof fetch = fetch,
): Promise<CodeExchange> {
  let read;
  try {
    read = await client.readSigninResponseState(url, true);
  } catch {
    throw new UnknownStateError();
  }
  const { state, response } = read;
  if (response.error) throw new TokenEndpointError(response.error, response.error_description ?? undefined);
  if (!response.code) throw new Error('The sign-in answer carries no code');
  if (!state.code_verifier) throw new Error('The sign-in request was sent without PKCE');
  const metadata = await client.metadataService.getMetadata();
  const tokenEndpoint = metadata.token_endpoint;
  if (!tokenEndpoint) throw new Error('Aidbox announced no token endpoint');
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: response.code,
    redirect_uri: state.redirect_uri,
    code_verifier: state.code_verifier,
    client_id: state.client_id,
  });
  const res = await fetchFn(tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: form,
    credentials: 'omit',
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    throw new TokenEndpointError(
      optionalString(b.error) ?? `HTTP ${res.status}`,
      optionalString(b.error_description),
    );
  }
  return { tokens: parseTokenResponse(body), nonce: state.nonce, userState: state.data };
}
