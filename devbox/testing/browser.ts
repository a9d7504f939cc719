// A cookie-keeping fetch "browser" for contract tests of the login flow: manual redirects, one
// cookie jar, and helpers that fill devbox's login form the way a person would.
import { createHash, randomBytes } from 'node:crypto';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A hidden field's value from devbox's login/consent HTML (which escapes `&` as `&#38;`). */
export function formField(html: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&#38;/g, '&') ?? '';
}

export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(url, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) {
        if (v) this.cookies.set(k, v);
        else this.cookies.delete(k);
      }
    }
    return res;
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.go(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /**
   * Opens an authorize URL and follows it to the client's redirect: fills the login form when one
   * is shown (first-party clients only: no consent step). Returns the redirect Location and
   * whether a login form was shown.
   */
  async authorize(
    url: string,
    username: string,
    password: string,
  ): Promise<{ location: URL; loginShown: boolean }> {
    let res = await this.go(url);
    let loginShown = false;
    if (res.status === 200) {
      const html = await res.text();
      if (!html.includes('action="/auth/login"')) throw new Error('authorize: expected the login form');
      loginShown = true;
      const posted = await this.post('/auth/login', {
        csrf: formField(html, 'csrf'),
        authorize: formField(html, 'authorize'),
        username,
        password,
      });
      if (posted.status !== 303) throw new Error(`login failed with ${posted.status}`);
      res = await this.go(posted.headers.get('location') ?? '');
    }
    if (res.status !== 302) throw new Error(`authorize: expected a redirect, got ${res.status}`);
    return { location: new URL(res.headers.get('location') ?? ''), loginShown };
  }
}
