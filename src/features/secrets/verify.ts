// Proves a secret against Aidbox itself, as the Client's own callers would use it. These requests
// bypass the console's API client on purpose: they must carry the Client's credentials, never the
// admin's bearer token, and never ride on a cookie. Nothing here logs or rethrows the secret.

export type ProbeOutcome =
  /** Aidbox accepted the credentials. */
  | { kind: 'accepted'; detail: string }
  /** Aidbox refused the credentials (401, or invalid_client). */
  | { kind: 'refused'; detail: string }
  /** Something else went wrong; the credentials were neither proven nor disproven. */
  | { kind: 'unknown'; detail: string };

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before base64 (":", "%", "+" survive). */
export function basicAuthorization(clientId: string, secret: string): string {
  const form = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  const bytes = new TextEncoder().encode(`${form(clientId)}:${form(secret)}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

const TIMEOUT_MS = 15_000;

export async function send(url: string, init: RequestInit): Promise<Response> {
  return fetch(url, {
    ...init,
    credentials: 'omit',
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

export function failure(e: unknown): ProbeOutcome {
  const timeout = e instanceof DOMException && e.name === 'TimeoutError';
  return {
    kind: 'unknown',
    detail: timeout ? 'Aidbox did not answer in time.' : 'Aidbox could not be reached.',
  };
}

async function oauthError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : `HTTP ${res.status}`;
}

/**
 * client_credentials at `{aidboxUrl}/auth/token`. On success the token is revoked straight away
 * (DELETE /Session with it), so verifying leaves no live session behind.
 */
export async function probeClientCredentials(
  aidboxUrl: string,
  clientId: string,
  secret: string,
): Promise<ProbeOutcome> {
  let res: Response;
  try {
    res = await send(`${aidboxUrl}/auth/token`, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(clientId, secret),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
  } catch (e) {
    return failure(e);
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
    const token = typeof body?.access_token === 'string' ? body.access_token : undefined;
    const revoked = token ? await revokeToken(aidboxUrl, token) : false;
    return {
      kind: 'accepted',
      detail: revoked
        ? 'Aidbox issued a client_credentials token; the console revoked it again at once.'
        : 'Aidbox issued a client_credentials token, but revoking it failed: it expires on its own.',
    };
  }
  const error = await oauthError(res);
  if (res.status === 401 || error === 'invalid_client') {
    return { kind: 'refused', detail: `Aidbox refused it (${error}).` };
  }
  return { kind: 'unknown', detail: `Aidbox answered ${error}; the secret was not tested.` };
}

/** A Basic-authenticated read of the Client itself; 403/404 still prove authentication worked. */
export async function probeBasic(aidboxUrl: string, clientId: string, secret: string): Promise<ProbeOutcome> {
  let res: Response;
  try {
    res = await send(`${aidboxUrl}/fhir/Client/${encodeURIComponent(clientId)}?_elements=id`, {
      headers: { Authorization: basicAuthorization(clientId, secret), Accept: 'application/json' },
    });
  } catch (e) {
    return failure(e);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 401) return { kind: 'refused', detail: 'Aidbox refused it (HTTP 401).' };
  if (res.ok || res.status === 403 || res.status === 404) {
    return {
      kind: 'accepted',
      detail: `A Basic-authenticated read was authenticated (HTTP ${res.status}${res.status === 403 ? ': signed in, but no policy allows reading the Client' : ''}).`,
    };
  }
  return { kind: 'unknown', detail: `Aidbox answered HTTP ${res.status}; the secret was not tested.` };
}

/** Ends the session of a token obtained for verification (devbox README: DELETE /Session). */
export async function revokeToken(aidboxUrl: string, token: string): Promise<boolean> {
  try {
    const res = await send(`${aidboxUrl}/Session`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    return res.ok;
  } catch {
    return false;
  }
}

export function probe(
  method: 'client_credentials' | 'basic',
  aidboxUrl: string,
  clientId: string,
  secret: string,
): Promise<ProbeOutcome> {
  const base = aidboxUrl.replace(/\/+$/, '');
  return method === 'client_credentials'
    ? probeClientCredentials(base, clientId, secret)
    : probeBasic(base, clientId, secret);
}
