// What each JWT header field and claim means, in standard terms and as Aidbox uses it
// (aidbox-api.md §3.3), plus absolute/relative time rendering for exp, iat, nbf and auth_time.

const CLAIMS: Record<string, string> = {
  iss: 'Issuer: the Aidbox base URL that signed the token. Must equal the discovered issuer exactly.',
  sub: 'Subject: the User id for user flows (code, password), the Client id for client_credentials.',
  aud: 'Audience: who the token is for. Set from auth.<grant>.audience on the Client; for an ID token, the Client id.',
  exp: 'Expires at: after this time the token is refused. Comes from access_token_expiration.',
  iat: 'Issued at: when Aidbox created the token.',
  nbf: 'Not before: the token is refused before this time.',
  jti: 'Token id. In Aidbox it names the Session behind the token (DELETE /Session revokes it).',
  scope: 'Scopes granted, space-separated. SMART wildcard scopes are expanded per resource type.',
  azp: 'Authorized party: the Client the token was issued to, when the audience is someone else.',
  nonce: 'The nonce sent in the authorization request, echoed in the ID token against replay.',
  atv: 'Aidbox access-token version (2 for SMART-era tokens).',
  context: 'Aidbox launch context, e.g. context.patient for a SMART patient launch.',
  typ: 'Token type claim; Aidbox marks refresh-token JWTs with "refresh".',
  auth_time: 'When the user last actually logged in (not when this token was issued).',
  email: "The user's email from the User resource.",
  fhirUser: 'The FHIR resource (Practitioner, Patient…) that represents the user.',
  client_id: 'The Client the token was issued to.',
  sid: 'Login session id at the authorization server.',
  at_hash: 'Hash of the access token issued alongside this ID token.',
  c_hash: 'Hash of the authorization code issued alongside this ID token.',
  patient: 'SMART launch patient id.',
  name: "The user's display name.",
};

const HEADER: Record<string, string> = {
  alg: 'Signing algorithm. Aidbox signs with RS256; "none" and HMAC (HS*) are refused here.',
  typ: 'Media type of the token, usually "JWT".',
  kid: 'Key id: which key in the issuer JWKS signed the token.',
  cty: 'Content type of the payload (nested tokens).',
  jku: 'URL of a key set named by the token itself. Ignored: trusting it would let anyone sign.',
  x5u: 'URL of a certificate named by the token itself. Ignored for the same reason.',
  jwk: 'A public key embedded in the token. Ignored: a token cannot vouch for itself.',
  x5c: 'A certificate chain embedded in the token. Ignored.',
};

export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'auth_time']);

export function explainClaim(name: string): string | undefined {
  return Object.hasOwn(CLAIMS, name) ? CLAIMS[name] : undefined;
}

export function explainHeader(name: string): string | undefined {
  return Object.hasOwn(HEADER, name) ? HEADER[name] : undefined;
}

/** "in 4 min 12 s", "3 h 5 min ago", "now". */
export function relativeTime(epochSeconds: number, nowMs: number): string {
  const diff = Math.round(epochSeconds - nowMs / 1000);
  const abs = Math.abs(diff);
  if (abs < 1) return 'now';
  const d = Math.floor(abs / 86_400);
  const h = Math.floor((abs % 86_400) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const parts =
    d > 0
      ? [`${d} d`, `${h} h`]
      : h > 0
        ? [`${h} h`, `${m} min`]
        : m > 0
          ? [`${m} min`, `${s} s`]
          : [`${s} s`];
  const text = parts.filter((p) => !p.startsWith('0 ')).join(' ');
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

export interface TimeClaimView {
  absolute: string;
  relative: string;
  /** For exp: expired; for nbf: not yet valid; for iat: in the future (clock skew or forgery). */
  problem: string | undefined;
}

/** Undefined when the value is not a plausible NumericDate (RFC 7519 §2). */
export function describeTimeClaim(name: string, value: unknown, nowMs: number): TimeClaimView | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 253_402_300_799) {
    return undefined;
  }
  const absolute = new Date(value * 1000).toISOString().replace('.000Z', 'Z');
  const relative = relativeTime(value, nowMs);
  const now = nowMs / 1000;
  let problem: string | undefined;
  if (name === 'exp' && value <= now) problem = 'Expired';
  if (name === 'nbf' && value > now) problem = 'Not valid yet';
  if ((name === 'iat' || name === 'auth_time') && value > now + 60) problem = 'In the future';
  return { absolute, relative, problem };
}
