// private_key_jwt client authentication (RFC 7523 §2.2 and §3, SMART Backend Services) as
// aidbox-docs describes it in smart-on-fhir/smart-client-authentication/
// smart-asymmetric-docs-private-key-jwt-authentication.md: header alg RS384, kid and typ JWT;
// claims iss = sub = client id, aud = <base>/auth/token, exp at most five minutes ahead, jti.
// Every failure is RFC 6749 `invalid_client`.
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { clientKey } from './client-jwks.ts';
import { OAuthError } from './oauth-error.ts';
import { clientIsActive, readClient } from './users.ts';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Seconds an assertion may live: "must not exceed five minutes into the future". */
export const MAX_ASSERTION_LIFETIME = 300;
/** Clock skew tolerated on exp/nbf/iat and on the five-minute limit. */
const SKEW = 5;

/**
 * The docs fix `alg` to RS384 (strict). The alternate reading also takes ES384, the other
 * algorithm SMART Backend Services requires servers to support. Anything else — `none`, HS*
 * (which a server would key with the public key), RS256 — is refused before any key is used.
 */
export function assertionAlgorithms(ctx: DevboxContext): string[] {
  return ctx.config.reading === 'alternate' ? ['RS384', 'ES384'] : ['RS384'];
}

const fail = (why: string) => new OAuthError('invalid_client', why);

// Replay store: per devbox, client id + jti → exp (seconds). Entries drop out once expired,
// after which the assertion itself is refused as expired anyway.
const seen = new WeakMap<DevboxContext, Map<string, number>>();

function rememberJti(ctx: DevboxContext, clientId: string, jti: string, exp: number): void {
  let map = seen.get(ctx);
  if (!map) seen.set(ctx, (map = new Map<string, number>()));
  const now = Math.floor(Date.now() / 1000);
  for (const [k, e] of map) if (e + SKEW < now) map.delete(k);
  const key = `${clientId}\u0000${jti}`;
  if (map.has(key)) throw fail('The client assertion jti was already used');
  map.set(key, exp);
}

/** Which grant's `client_assertion_types` applies (code and authorization_code are one grant). */
function assertionTypes(client: Resource, grantType: string | undefined): string[] {
  const grant = grantType === 'client_credentials' ? 'client_credentials' : 'authorization_code';
  const auth = client.auth as Record<string, { client_assertion_types?: unknown } | undefined> | undefined;
  const types = auth?.[grant]?.client_assertion_types;
  return Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : [];
}

export interface AssertionInput {
  assertion: string;
  assertionType: string;
  /** client_id form parameter, if sent: must name the same client. */
  clientId: string | undefined;
  grantType: string | undefined;
}

export async function verifyClientAssertion(ctx: DevboxContext, input: AssertionInput): Promise<Resource> {
  if (input.assertionType !== JWT_BEARER) {
    throw fail(`Unsupported client_assertion_type; use ${JWT_BEARER}`);
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(input.assertion);
    claims = decodeJwt(input.assertion);
  } catch {
    throw fail('The client assertion is not a signed JWT');
  }
  const allowed = assertionAlgorithms(ctx);
  if (typeof header.alg !== 'string' || !allowed.includes(header.alg)) {
    throw fail(`Client assertion alg must be ${allowed.join(' or ')}`);
  }
  if (typeof header.kid !== 'string' || !header.kid) throw fail('The client assertion header needs a kid');
  const typ = typeof header.typ === 'string' ? header.typ.toUpperCase() : undefined;
  if (typ !== undefined ? typ !== 'JWT' : ctx.config.reading === 'strict') {
    throw fail('The client assertion header typ must be JWT');
  }
  const id = claims.iss;
  if (typeof id !== 'string' || !id || claims.sub !== id)
    throw fail('iss and sub must both be the client id');
  if (input.clientId !== undefined && input.clientId !== id)
    throw fail('client_id does not match the assertion');

  const client = await readClient(ctx, id);
  if (!client) throw fail('Invalid client credentials');
  if (!clientIsActive(client)) throw fail('Client is inactive');
  // Strict: the Client must opt in, as the doc's registration example does. Alternate: having
  // keys (jwks or jwks_uri) is enough.
  const optedIn = assertionTypes(client, input.grantType).includes(JWT_BEARER);
  if (!optedIn && (ctx.config.reading === 'strict' || (!client.jwks && !client.jwks_uri))) {
    throw fail('This client does not accept client assertions (auth.<grant>.client_assertion_types)');
  }

  const jwk: JWK = await clientKey(
    ctx,
    client,
    header.kid,
    typeof header.jku === 'string' ? header.jku : undefined,
  );
  if (jwk.alg !== undefined && jwk.alg !== header.alg) throw fail(`Key ${header.kid} is for ${jwk.alg}`);
  if (jwk.use !== undefined && jwk.use !== 'sig') throw fail(`Key ${header.kid} is not a signing key`);
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    const key = await importJWK({ ...jwk, alg: header.alg }, header.alg);
    ({ payload } = await jwtVerify(input.assertion, key, {
      algorithms: [header.alg],
      issuer: id,
      subject: id,
      audience: `${ctx.config.baseUrl}/auth/token`,
      requiredClaims: ['exp', 'jti'],
      clockTolerance: SKEW,
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') throw fail('The client assertion has expired');
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
      throw fail(`Client assertion claim check failed: ${(e as Error).message}`);
    }
    throw fail('The client assertion signature does not verify with the client key');
  }
  const now = Math.floor(Date.now() / 1000);
  const exp = payload.exp as number;
  if (exp > now + MAX_ASSERTION_LIFETIME + SKEW)
    throw fail('Client assertion exp is more than five minutes ahead');
  if (typeof payload.jti !== 'string' || !payload.jti) throw fail('The client assertion needs a jti');
  rememberJti(ctx, id, payload.jti, exp);
  return client;
}
