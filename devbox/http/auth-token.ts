// POST /auth/token and POST /auth/introspect.
import type { Hono } from 'hono';
import { authenticateClient } from '../auth/client-auth.ts';
import { tokenGrant } from '../auth/grants.ts';
import { OAuthError } from '../auth/oauth-error.ts';
import { sessionForAccessToken } from '../auth/sessions.ts';
import { refId } from '../auth/users.ts';
import type { DevboxContext } from '../context.ts';
import { oauthErrorResponse, readAuthBody } from './auth-body.ts';

export function mountTokenRoutes(app: Hono, ctx: DevboxContext): void {
  app.post('/auth/token', async (c) => {
    try {
      const body = await readAuthBody(c);
      const response = await tokenGrant(ctx, c.req.header('authorization'), body);
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
      return c.json(response);
    } catch (e) {
      if (e instanceof OAuthError) return oauthErrorResponse(c, e);
      throw e;
    }
  });

  // RFC 7662. The caller must authenticate as a client with its secret; any active client may
  // introspect (devbox has no resource-server registry). Unknown, expired, revoked → {active:false}.
  app.post('/auth/introspect', async (c) => {
    try {
      const body = await readAuthBody(c);
      const auth = await authenticateClient(ctx, c.req.header('authorization'), body);
      if (!auth.secretVerified)
        throw new OAuthError('invalid_client', 'Introspection requires client credentials');
      c.header('Cache-Control', 'no-store');
      if (!body.token) throw new OAuthError('invalid_request', 'token is required');
      const found = await sessionForAccessToken(ctx, body.token);
      if ('error' in found) return c.json({ active: false });
      const s = found.session;
      const clientId = refId(s.client, 'Client');
      const userId = refId(s.user, 'User');
      const scope = Array.isArray(s.scope) ? s.scope.join(' ') : undefined;
      return c.json({
        active: true,
        token_type: 'Bearer',
        client_id: clientId,
        sub: userId ?? clientId,
        ...(userId ? { username: userId } : {}),
        ...(scope ? { scope } : {}),
        exp: s.exp,
        iat:
          found.jwt?.iat ??
          (typeof s.start === 'string' ? Math.floor(Date.parse(s.start) / 1000) : undefined),
        iss: ctx.config.baseUrl,
        jti: s.id,
        ...(Array.isArray(s.audience) ? { aud: s.audience } : {}),
      });
    } catch (e) {
      if (e instanceof OAuthError) return oauthErrorResponse(c, e);
      throw e;
    }
  });
}
