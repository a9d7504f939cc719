// HTML for the login, consent and error pages. Everything interpolated is escaped; pages carry a
// strict CSP (no script at all, one nonce'd style block) and may not be framed.
import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** CSP source for where the form's redirect chain ends (Chrome applies form-action to redirects). */
export function cspSource(uri: string | undefined): string {
  if (!uri) return '';
  try {
    const u = new URL(uri);
    const src = u.origin !== 'null' ? u.origin : u.protocol;
    return /^[a-z][a-z0-9+.-]*:(\/\/[A-Za-z0-9.\-:[\]]+)?$/i.test(src) ? src : '';
  } catch {
    return '';
  }
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:min(22rem,90vw)}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem;margin-right:.5rem}
.error{color:#a00;background:#fee;padding:.5rem;border-radius:4px}ul{padding-left:1.25rem}`;

export function htmlPage(
  c: Context,
  status: 200 | 400 | 401 | 403,
  title: string,
  body: string,
  formTarget?: string,
) {
  const nonce = randomBytes(16).toString('base64');
  const formAction = ["'self'", cspSource(formTarget)].filter(Boolean).join(' ');
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · devbox</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
  return c.html(html, status);
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export interface LoginView {
  csrf: string;
  /** The original /auth/authorize query string to resume after login. */
  authorizeQuery: string;
  clientName: string | undefined;
  error: string | undefined;
  username: string;
}

export function loginForm(v: LoginView): string {
  const intro = v.clientName
    ? `<p>Sign in to continue to <strong>${escapeHtml(v.clientName)}</strong>.</p>`
    : '<p>Sign in to devbox.</p>';
  const error = v.error ? `<p class="error" role="alert">${escapeHtml(v.error)}</p>` : '';
  return `<h1>Sign in</h1>${intro}${error}
<form method="post" action="/auth/login">
${hidden('csrf', v.csrf)}${hidden('authorize', v.authorizeQuery)}
<label for="username">User name</label><input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(v.username)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`;
}

export interface ConsentView {
  csrf: string;
  authorizeQuery: string;
  clientName: string;
  userName: string;
  scope: string[];
}

export function consentForm(v: ConsentView): string {
  const scopes = v.scope.length
    ? `<p>It asks for:</p><ul>${v.scope.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`
    : '<p>It asks for no specific scope.</p>';
  return `<h1>Allow access?</h1>
<p><strong>${escapeHtml(v.clientName)}</strong> wants to access devbox as <strong>${escapeHtml(v.userName)}</strong>.</p>${scopes}
<form method="post" action="/auth/grant">
${hidden('csrf', v.csrf)}${hidden('authorize', v.authorizeQuery)}
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
}

export function errorBody(message: string): string {
  return `<h1>Authorization error</h1><p class="error" role="alert">${escapeHtml(message)}</p>
<p>The application sent an invalid authorization request; devbox did not redirect back to it.</p>`;
}
