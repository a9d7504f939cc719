// Who is calling /fhir: a bearer token's Session (user and/or client) or Basic client credentials.
import type { JWTPayload } from 'jose';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { verifyClientSecret } from './secrets.ts';
import { sessionForAccessToken } from './sessions.ts';
import { clientIsActive, grantTypes, readClient, refId, userIsActive } from './users.ts';

export interface Identity {
  method: 'bearer' | 'basic';
  client: Resource | undefined;
  user: Resource | undefined;
  session: Resource | undefined;
  jwt: JWTPayload | undefined;
}

export type AuthOutcome = { ok: true; identity: Identity } | { ok: false; diagnostics: string };

/** RFC 7617 Basic (API calls): base64 of "id:secret", split at the first colon, no url-decoding. */
export function parseBasic(header: string): { id: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return undefined;
  return { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

export async function authenticate(ctx: DevboxContext, header: string | undefined): Promise<AuthOutcome> {
  if (!header)
    return {
      ok: false,
      diagnostics: 'Authentication required: send a Bearer token or Basic client credentials',
    };
  const token = bearerToken(header);
  if (token) return authenticateBearer(ctx, token);
  if (/^Basic\s/i.test(header)) return authenticateBasic(ctx, header);
  return { ok: false, diagnostics: 'Unsupported Authorization scheme: use Bearer or Basic' };
}

export async function authenticateBearer(ctx: DevboxContext, token: string): Promise<AuthOutcome> {
  const found = await sessionForAccessToken(ctx, token);
  if ('error' in found) {
    return {
      ok: false,
      diagnostics:
        found.error === 'expired' ? 'Access token expired' : 'Access token is invalid, expired or revoked',
    };
  }
  const { session } = found;
  const clientId = refId(session.client, 'Client');
  const userId = refId(session.user, 'User');
  const client = clientId ? await readClient(ctx, clientId) : undefined;
  if (!client || !clientIsActive(client))
    return { ok: false, diagnostics: 'The token’s client is inactive or gone' };
  const user = userId ? await ctx.store.read('User', userId) : undefined;
  if (userId && (!user || !userIsActive(user))) {
    return { ok: false, diagnostics: 'The token’s user is inactive or gone' };
  }
  return { ok: true, identity: { method: 'bearer', client, user, session, jwt: found.jwt } };
}

async function authenticateBasic(ctx: DevboxContext, header: string): Promise<AuthOutcome> {
  const creds = parseBasic(header);
  if (!creds) return { ok: false, diagnostics: 'Malformed Basic credentials' };
  const client = await readClient(ctx, creds.id);
  // One message for unknown client and wrong secret: no client-id enumeration.
  if (!client || !verifyClientSecret(creds.secret, client.secret)) {
    return { ok: false, diagnostics: 'Invalid client credentials' };
  }
  if (!clientIsActive(client)) return { ok: false, diagnostics: 'Client is inactive' };
  if (!grantTypes(client).includes('basic')) {
    return {
      ok: false,
      diagnostics: `Basic auth is not enabled for client ${client.id}: add "basic" to its grant_types`,
    };
  }
  return {
    ok: true,
    identity: { method: 'basic', client, user: undefined, session: undefined, jwt: undefined },
  };
}
