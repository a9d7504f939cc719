// GET /auth/userinfo, DELETE /Session (+ /fhir/Session) and POST /auth/logout.
import type { Context, Hono, Next } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { authenticateBearer, bearerToken } from '../auth/identity.ts';
import { endLoginSession, getLoginSession, LOGIN_COOKIE } from '../auth/login-session.ts';
import { revokeSession } from '../auth/sessions.ts';
import { userIsActive, userView } from '../auth/users.ts';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { stripSessionHashes } from '../policy/request.ts';
import { unauthorized } from './access.ts';
import { fail } from './outcome.ts';

/** The User (password removed) plus `sub`, which OIDC Core §5.3.2 requires in every UserInfo answer. */
function userinfo(user: Resource) {
  return { sub: user.id, ...userView(user) };
}

export function mountSessionRoutes(app: Hono, ctx: DevboxContext): void {
  // Bearer token of a user flow, or the browser's login cookie (Aidbox's SDK probes it this way).
  app.get('/auth/userinfo', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = bearerToken(c.req.header('authorization'));
    if (token) {
      const auth = await authenticateBearer(ctx, token);
      if (!auth.ok) return unauthorized(c, auth.diagnostics);
      if (!auth.identity.user) return unauthorized(c, 'This token has no user (client_credentials)');
      return c.json(userinfo(auth.identity.user));
    }
    const login = getLoginSession(ctx, getCookie(c, LOGIN_COOKIE));
    const user = login ? await ctx.store.read('User', login.userId) : undefined;
    if (!user || !userIsActive(user)) return unauthorized(c, 'Not logged in');
    return c.json(userinfo(user));
  });

  const revoke = async (c: Context, next?: Next) => {
    const token = bearerToken(c.req.header('authorization'));
    // Conditional deletes (a query) and non-bearer callers are ordinary FHIR requests.
    if (next && (!token || new URL(c.req.url).search)) return next();
    if (!token) return unauthorized(c, 'DELETE /Session needs the Bearer token to revoke');
    const auth = await authenticateBearer(ctx, token);
    if (!auth.ok || !auth.identity.session) return unauthorized(c, auth.ok ? 'No session' : auth.diagnostics);
    const deleted = await revokeSession(ctx, auth.identity.session.id);
    if (!deleted) return fail(c, 404, 'not-found', 'Session already ended');
    return c.json(stripSessionHashes(deleted));
  };
  app.delete('/Session', (c) => revoke(c));
  app.delete('/fhir/Session', (c, next) => revoke(c, next));

  app.post('/auth/logout', (c) => {
    const id = getCookie(c, LOGIN_COOKIE);
    endLoginSession(ctx, id);
    deleteCookie(c, LOGIN_COOKIE, { path: '/' });
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });
}
