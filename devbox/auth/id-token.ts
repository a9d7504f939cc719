// ID tokens and the per-reading shape of token responses. Aidbox documents token responses with
// and without an `id_token` and never shows an ID token's claims, so the strict reading issues the
// full OIDC form (nonce echoed, kid in the header) and the alternate reading the sparest plausible
// one (no nonce, no kid, no id_token outside the code grant). devbox/README.md, "Readings".
import { randomUUID } from 'node:crypto';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { DEFAULT_ACCESS_TOKEN_EXPIRATION, signJwt, type GrantKind } from './tokens.ts';

export interface IdTokenInput {
  client: Resource;
  user: Resource;
  /** The grant the token response answers; `refresh` for a refresh of any grant. */
  answering: GrantKind | 'refresh';
  scope: string[];
  nonce?: string | undefined;
  /** Seconds; set when the authorization request carried max_age (OIDC Core §3.1.2.1). */
  authTime?: number | undefined;
  now: number;
  /** The access token's exp, when it has one. */
  exp: number | undefined;
}

/** The ID token for a token response, or undefined when this reading sends none. */
export async function idTokenFor(ctx: DevboxContext, input: IdTokenInput): Promise<string | undefined> {
  const { client, user, scope, now } = input;
  if (!scope.includes('openid')) return undefined;
  const alternate = ctx.config.reading === 'alternate';
  if (alternate && input.answering !== 'authorization_code') return undefined;
  return signJwt(
    ctx,
    {
      iss: ctx.config.baseUrl,
      sub: user.id,
      aud: client.id,
      iat: now,
      // ID tokens always expire (OIDC Core §2), even when the access token does not.
      exp: input.exp ?? now + DEFAULT_ACCESS_TOKEN_EXPIRATION,
      jti: randomUUID(),
      ...(input.nonce && !alternate ? { nonce: input.nonce } : {}),
      ...(input.authTime !== undefined ? { auth_time: input.authTime } : {}),
      ...(typeof user.email === 'string' ? { email: user.email } : {}),
    },
    'JWT',
    !alternate,
  );
}
