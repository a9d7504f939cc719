// GET /auth/authorize, the login form (GET/POST /auth/login) and the consent form (POST /auth/grant).
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { authorize, type AuthorizeOutcome } from '../auth/authorize.ts';
import {
  consumeLoginCsrf,
  createLoginSession,
  getLoginSession,
  issueLoginCsrf,
  LOGIN_COOKIE,
  LOGIN_TTL_SECONDS,
  type LoginSession,
} from '../auth/login-session.ts';
import { verifyPassword } from '../auth/secrets.ts';
import { findUser, readClient, userIsActive } from '../auth/users.ts';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { consentForm, errorBody, htmlPage, loginForm } from './login-page.ts';

function clientName(client: Resource | undefined): string | undefined {
  if (!client) return undefined;
  return typeof client.name === 'string' && client.name ? client.name : client.id;
}

/** Only a query string survives the round trip through the forms; the path is always ours. */
function authorizeUrl(query: string): string {
  return `/auth/authorize?${new URLSearchParams(query).toString()}`;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function mountAuthorizeRoutes(app: Hono, ctx: DevboxContext): void {
  const currentLogin = (c: Context): LoginSession | undefined =>
    getLoginSession(ctx, getCookie(c, LOGIN_COOKIE));

  const render = (c: Context, query: string, out: AuthorizeOutcome, loginError?: string, username = '') => {
    switch (out.kind) {
      case 'error-page':
        return htmlPage(c, 400, 'Authorization error', errorBody(out.message));
      case 'redirect':
        c.header('Cache-Control', 'no-store');
        return c.redirect(out.url, 302);
      case 'login':
        return htmlPage(
          c,
          loginError ? 401 : 200,
          'Sign in',
          loginForm({
            csrf: issueLoginCsrf(ctx),
            authorizeQuery: query,
            clientName: clientName(out.client),
            error: loginError,
            username,
          }),
          out.redirectUri,
        );
      case 'consent': {
        const login = currentLogin(c);
        if (!login) return htmlPage(c, 400, 'Authorization error', errorBody('Login session expired'));
        const userName = typeof out.user.email === 'string' ? out.user.email : out.user.id;
        return htmlPage(
          c,
          200,
          'Allow access?',
          consentForm({
            csrf: login.csrf,
            authorizeQuery: query,
            clientName: clientName(out.client) ?? '',
            userName,
            scope: out.scope,
          }),
          out.redirectUri,
        );
      }
    }
  };

  app.get('/auth/authorize', async (c) => {
    const query = new URL(c.req.url).search.slice(1);
    return render(c, query, await authorize(ctx, new URLSearchParams(query), currentLogin(c)));
  });

  app.get('/auth/login', (c) => {
    const login = currentLogin(c);
    if (login) return htmlPage(c, 200, 'Signed in', `<h1>Signed in</h1><p>You are signed in to devbox.</p>`);
    const form = loginForm({
      csrf: issueLoginCsrf(ctx),
      authorizeQuery: '',
      clientName: undefined,
      error: undefined,
      username: '',
    });
    return htmlPage(c, 200, 'Sign in', form);
  });

  app.post('/auth/login', async (c) => {
    const f = await formFields(c);
    const query = f.authorize ?? '';
    const client = await readClient(ctx, new URLSearchParams(query).get('client_id') ?? '');
    const target = client ? await authorize(ctx, new URLSearchParams(query), undefined) : undefined;
    const redirectUri = target?.kind === 'login' ? target.redirectUri : undefined;
    const again = (error: string) =>
      htmlPage(
        c,
        401,
        'Sign in',
        loginForm({
          csrf: issueLoginCsrf(ctx),
          authorizeQuery: query,
          clientName: clientName(client),
          error,
          username: f.username ?? '',
        }),
        redirectUri,
      );
    if (!consumeLoginCsrf(ctx, f.csrf)) return again('The sign-in form expired. Please try again.');
    const user = await findUser(ctx, f.username ?? '');
    if (!user || !verifyPassword(f.password ?? '', user.password))
      return again('Wrong user name or password.');
    if (!userIsActive(user)) return again('This user is inactive.');
    // A fresh session id at every login: no session fixation.
    const login = createLoginSession(ctx, user.id);
    setCookie(c, LOGIN_COOKIE, login.id, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: LOGIN_TTL_SECONDS,
      secure: ctx.config.baseUrl.startsWith('https:'),
    });
    if (!query) return c.redirect('/auth/login', 303);
    return c.redirect(authorizeUrl(query), 303);
  });

  app.post('/auth/grant', async (c) => {
    const f = await formFields(c);
    const login = currentLogin(c);
    if (!login || !sameToken(f.csrf, login.csrf)) {
      return htmlPage(
        c,
        403,
        'Authorization error',
        errorBody('The consent form expired or was not sent by this browser.'),
      );
    }
    const decision = f.decision === 'approve' ? 'approve' : 'deny';
    const query = new URLSearchParams(f.authorize ?? '').toString();
    return render(c, query, await authorize(ctx, new URLSearchParams(query), login, decision));
  });
}
