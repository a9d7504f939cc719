// GET /auth/authorize decisions. Client and redirect_uri are checked before anything else: a bad
// one gets an error page, never a redirect (RFC 6749 §4.1.2.1). Later errors go back to the client.
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { clientAllowsGrant, parseScope } from './grants.ts';
import { consumeFreshness, needsFreshLogin, type LoginSession } from './login-session.ts';
import { isValidChallenge } from './pkce.ts';
import { issueTokens } from './sessions.ts';
import { launchPatient, LaunchError } from './smart-launch.ts';
import { grantedScopes } from './smart-scopes.ts';
import {
  AUTHORIZATION_CODE_TTL,
  grantConfig,
  hashToken,
  newSessionId,
  nowSeconds,
  sessionToken,
} from './tokens.ts';
import { clientIsActive, readClient, userIsActive } from './users.ts';

export type AuthorizeOutcome =
  | { kind: 'error-page'; message: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'login'; client: Resource; redirectUri: string }
  | { kind: 'consent'; client: Resource; user: Resource; scope: string[]; redirectUri: string };

const SINGLE = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'nonce',
  'prompt',
  'max_age',
];

function parseMaxAge(raw: string | null): number | undefined | 'invalid' {
  if (raw === null) return undefined;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : 'invalid';
}

function withParams(base: string, params: Record<string, string | undefined>, fragment: boolean): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) p.set(k, v);
  if (fragment) return `${base.split('#')[0]}#${p.toString()}`;
  return `${base}${base.includes('?') ? '&' : '?'}${p.toString()}`;
}

export async function authorize(
  ctx: DevboxContext,
  q: URLSearchParams,
  login: LoginSession | undefined,
  decision?: 'approve' | 'deny',
): Promise<AuthorizeOutcome> {
  for (const k of SINGLE)
    if (q.getAll(k).length > 1) return { kind: 'error-page', message: `Parameter ${k} is repeated` };
  const clientId = q.get('client_id') ?? '';
  const client = clientId ? await readClient(ctx, clientId) : undefined;
  if (!client) return { kind: 'error-page', message: 'Unknown client_id' };
  if (!clientIsActive(client)) return { kind: 'error-page', message: 'This client is inactive' };
  const redirectUri = q.get('redirect_uri') ?? '';
  const codeUri = grantConfig(client, 'authorization_code').redirect_uri;
  const implicitUri = grantConfig(client, 'implicit').redirect_uri;
  if (!redirectUri || (redirectUri !== codeUri && redirectUri !== implicitUri)) {
    return {
      kind: 'error-page',
      message: 'redirect_uri is missing or does not match the redirect_uri registered for this client',
    };
  }
  const state = q.get('state') ?? undefined;
  const responseType = q.get('response_type');
  const implicit = responseType === 'token';
  const back = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'redirect',
    url: withParams(redirectUri, { error, error_description: description, state }, implicit),
  });

  if (responseType === 'code') {
    if (!clientAllowsGrant(client, 'authorization_code'))
      return back('unsupported_response_type', 'authorization_code is not allowed for this client');
    if (redirectUri !== codeUri)
      return {
        kind: 'error-page',
        message: 'redirect_uri does not match the authorization_code redirect_uri',
      };
  } else if (implicit) {
    if (!clientAllowsGrant(client, 'implicit'))
      return back('unsupported_response_type', 'implicit is not allowed for this client');
    if (redirectUri !== implicitUri)
      return { kind: 'error-page', message: 'redirect_uri does not match the implicit redirect_uri' };
  } else {
    return back('unsupported_response_type', 'response_type must be code or token');
  }

  const challenge = q.get('code_challenge') ?? undefined;
  if (!implicit) {
    if (challenge !== undefined) {
      if (q.get('code_challenge_method') !== 'S256')
        return back('invalid_request', 'code_challenge_method must be S256');
      if (!isValidChallenge(challenge)) return back('invalid_request', 'code_challenge is malformed');
    } else if (grantConfig(client, 'authorization_code').pkce === true) {
      return back('invalid_request', 'PKCE is required for this client: send code_challenge with S256');
    }
  }

  const maxAge = parseMaxAge(q.get('max_age'));
  if (maxAge === 'invalid') return back('invalid_request', 'max_age must be a non-negative integer');
  const user = login ? await ctx.store.read('User', login.userId) : undefined;
  if (!login || !user || !userIsActive(user) || needsFreshLogin(login, q.get('prompt'), maxAge)) {
    if (q.get('prompt') === 'none') return back('login_required', 'The user is not logged in');
    return { kind: 'login', client, redirectUri };
  }
  const scope = grantedScopes(client, parseScope(q.get('scope') ?? undefined), ctx.config.reading);
  if (client.first_party !== true && !login.consented.has(client.id)) {
    if (decision === 'deny') return back('access_denied', 'The user denied access');
    if (decision !== 'approve') {
      if (q.get('prompt') === 'none') return back('consent_required', 'Consent is required');
      return { kind: 'consent', client, user, scope, redirectUri };
    }
    login.consented.add(client.id);
  }
  const nonce = q.get('nonce') ?? undefined;
  // EHR launch (code flow only): the launch value's patient becomes the Session's context.
  let patient: string | undefined;
  const launch = q.get('launch');
  if (launch !== null && !implicit) {
    try {
      patient = await launchPatient(ctx, launch, client, user);
    } catch (e) {
      if (e instanceof LaunchError) return back('invalid_request', e.message);
      throw e;
    }
  }
  consumeFreshness(login);

  if (implicit) {
    const t = await issueTokens(ctx, { grant: 'implicit', client, user, scope, nonce, allowRefresh: false });
    return {
      kind: 'redirect',
      url: withParams(
        redirectUri,
        {
          access_token: t.access_token,
          token_type: 'Bearer',
          expires_in: t.expires_in === undefined ? undefined : String(t.expires_in),
          scope: t.scope,
          state,
        },
        true,
      ),
    };
  }

  const id = newSessionId();
  const code = sessionToken(id);
  const now = nowSeconds();
  await ctx.store.create('Session', {
    resourceType: 'Session',
    id,
    type: 'authorization_code',
    active: false, // becomes active when the code is redeemed
    start: new Date(now * 1000).toISOString(),
    client: { reference: `Client/${client.id}` },
    user: { reference: `User/${user.id}` },
    ...(scope.length ? { scope } : {}),
    authorization_code: hashToken(code),
    ctx: {
      redirect_uri: redirectUri,
      code_exp: now + AUTHORIZATION_CODE_TTL,
      ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
      ...(nonce ? { nonce } : {}),
      ...(maxAge !== undefined ? { auth_time: login.authTime } : {}),
      ...(patient !== undefined ? { patient } : {}),
    },
  });
  return { kind: 'redirect', url: withParams(redirectUri, { code, state }, false) };
}
