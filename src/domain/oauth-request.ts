// Pure builders for the playground's HTTP exchanges: token, introspection and bearer requests,
// RFC 6749 §2.3.1 client authentication, masking of secret values, and a copyable curl command.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestBody = { type: 'form'; fields: Array<[string, string]> } | { type: 'json'; text: string };

/** One HTTP request exactly as it will be sent; `fetch` and the curl command are derived from it. */
export interface HttpRequestSpec {
  method: HttpMethod;
  url: string;
  headers: Array<[string, string]>;
  body?: RequestBody;
}

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface ClientAuth {
  clientId: string;
  /** Absent or empty for a public client. */
  secret?: string;
  method: ClientAuthMethod;
}

/** Form fields and headers whose values are secrets or bearer material (security.md §9.E item 80). */
export const SENSITIVE_FIELDS: ReadonlySet<string> = new Set([
  'client_secret',
  'code_verifier',
  'code',
  'refresh_token',
  'access_token',
  'id_token',
  'token',
  'password',
  'client_assertion',
  'subject_token',
]);
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'x-debug']);

/** Key a masked value is revealed by: `header:authorization`, `field:client_secret`. */
export type SecretKey = `header:${string}` | `field:${string}`;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADERS.has(name.toLowerCase());
}

export function isSensitiveField(name: string): boolean {
  return SENSITIVE_FIELDS.has(name);
}

/** application/x-www-form-urlencoded serializer (WHATWG URL §5.2, what RFC 6749 Appendix B asks). */
export function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

export function formEncode(fields: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(fields.map(([k, v]) => [k, v] as [string, string])).toString();
}

/**
 * RFC 6749 §2.3.1: id and secret are each form-urlencoded, THEN joined with ':' and base64-encoded,
 * so a secret containing ':', '%' or '+' survives the server's decoding.
 * @example basicAuthorization('a b', 'x:y') // 'Basic ' + btoa('a+b:x%3Ay')
 */
export function basicAuthorization(clientId: string, secret: string): string {
  // After form-urlencoding everything is ASCII, so btoa cannot throw on non-Latin-1 input.
  return `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(secret)}`)}`;
}

function withClientAuth(
  fields: Array<[string, string]>,
  auth: ClientAuth,
  headers: Array<[string, string]>,
): Array<[string, string]> {
  const secret = auth.secret ?? '';
  if (auth.method === 'client_secret_basic' && secret !== '') {
    // client_id stays out of the body: devbox (and RFC 6749 §2.3) refuse two client authentications.
    headers.push(['Authorization', basicAuthorization(auth.clientId, secret)]);
    return fields;
  }
  const out: Array<[string, string]> = [...fields, ['client_id', auth.clientId]];
  if (auth.method === 'client_secret_post' && secret !== '') out.push(['client_secret', secret]);
  return out;
}

/** POST to the token endpoint with grant fields (grant_type first) and client authentication. */
export function tokenRequest(
  tokenEndpoint: string,
  grant: Array<[string, string]>,
  auth: ClientAuth,
): HttpRequestSpec {
  const headers: Array<[string, string]> = [
    ['Accept', 'application/json'],
    ['Content-Type', 'application/x-www-form-urlencoded'],
  ];
  const fields = withClientAuth(
    grant.filter(([, v]) => v !== ''),
    auth,
    headers,
  );
  return { method: 'POST', url: tokenEndpoint, headers, body: { type: 'form', fields } };
}

/** RFC 7662 introspection; Aidbox requires client credentials for it. */
export function introspectionRequest(endpoint: string, token: string, auth: ClientAuth): HttpRequestSpec {
  return tokenRequest(endpoint, [['token', token]], auth);
}

/** A request carrying a bearer token: userinfo, DELETE /Session, API calls. */
export function bearerRequest(
  method: HttpMethod,
  url: string,
  token: string,
  jsonBody?: string,
): HttpRequestSpec {
  const headers: Array<[string, string]> = [
    ['Accept', 'application/json'],
    ['Authorization', `Bearer ${token}`],
  ];
  if (jsonBody !== undefined && jsonBody.trim() !== '') {
    headers.push(['Content-Type', 'application/json']);
    return { method, url, headers, body: { type: 'json', text: jsonBody } };
  }
  return { method, url, headers };
}

/** The exact body bytes `fetch` sends. */
export function bodyText(spec: HttpRequestSpec): string | undefined {
  if (!spec.body) return undefined;
  return spec.body.type === 'form' ? formEncode(spec.body.fields) : spec.body.text;
}

/** Masked display: keeps the auth scheme so "Basic ••••" vs "Bearer ••••" stays readable. */
export function maskValue(value: string): string {
  const scheme = /^(Basic|Bearer|DPoP) /i.exec(value);
  const dots = `•••••••• (${value.length} chars)`;
  return scheme ? `${scheme[1]} ${dots}` : dots;
}

/** Shell variable standing in for a masked value in the curl command. */
export function shellVariable(key: SecretKey): string {
  return key
    .replace(/^(header|field):/, '')
    .replace(/[^A-Za-z0-9]/g, '_')
    .toUpperCase();
}

/** POSIX single-quoting: nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command that sends the same request. A masked value becomes `"$NAME"` (set it in your
 * shell), so a copied command never carries a secret the developer did not reveal.
 */
export function curlCommand(spec: HttpRequestSpec, revealed: (key: SecretKey) => boolean): string {
  const lines: string[] = [];
  lines.push(
    spec.method === 'GET' ? `curl ${shellQuote(spec.url)}` : `curl -X ${spec.method} ${shellQuote(spec.url)}`,
  );
  for (const [name, value] of spec.headers) {
    const key: SecretKey = `header:${name.toLowerCase()}`;
    if (spec.body?.type === 'form' && name.toLowerCase() === 'content-type') continue; // curl sets it
    if (isSensitiveHeader(name) && !revealed(key)) {
      const scheme = /^(Basic|Bearer) /i.exec(value);
      lines.push(`-H "${name}: ${scheme ? `${scheme[1]} ` : ''}$${shellVariable(key)}"`);
    } else {
      lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (spec.body?.type === 'form') {
    for (const [name, value] of spec.body.fields) {
      const key: SecretKey = `field:${name}`;
      lines.push(
        isSensitiveField(name) && !revealed(key)
          ? `--data-urlencode "${name}=$${shellVariable(key)}"`
          : `--data-urlencode ${shellQuote(`${name}=${value}`)}`,
      );
    }
  } else if (spec.body?.type === 'json') {
    lines.push(`--data-raw ${shellQuote(spec.body.text)}`);
  }
  return lines.join(' \\\n  ');
}
