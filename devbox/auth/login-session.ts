// Browser login sessions behind the `asid` cookie (Aidbox's name), kept in memory per devbox:
// a restart logs browsers out, which is harmless for a dev server. Also the single-use CSRF
// tokens of the login form (anonymous, so they cannot hang off a session).
import { randomBytes } from 'node:crypto';
import type { DevboxContext } from '../context.ts';

export const LOGIN_COOKIE = 'asid';
/** Aidbox's AuthConfig.asidCookieMaxAge default: 5 days. */
export const LOGIN_TTL_SECONDS = 432000;
const CSRF_TTL_MS = 15 * 60 * 1000;
const MAX_PENDING_CSRF = 10_000;

export interface LoginSession {
  id: string;
  userId: string;
  expiresAt: number;
  /** CSRF token for forms shown to this logged-in browser (consent, logout). */
  csrf: string;
  /** Non-first-party clients this browser approved on the consent page. */
  consented: Set<string>;
}

interface State {
  sessions: Map<string, LoginSession>;
  csrf: Map<string, number>;
}

const states = new WeakMap<DevboxContext, State>();

function state(ctx: DevboxContext): State {
  let s = states.get(ctx);
  if (!s) {
    s = { sessions: new Map(), csrf: new Map() };
    states.set(ctx, s);
  }
  return s;
}

const random = () => randomBytes(32).toString('base64url');

export function createLoginSession(ctx: DevboxContext, userId: string): LoginSession {
  const session = {
    id: random(),
    userId,
    expiresAt: Date.now() + LOGIN_TTL_SECONDS * 1000,
    csrf: random(),
    consented: new Set<string>(),
  };
  state(ctx).sessions.set(session.id, session);
  return session;
}

export function getLoginSession(ctx: DevboxContext, id: string | undefined): LoginSession | undefined {
  if (!id) return undefined;
  const s = state(ctx).sessions.get(id);
  if (s && s.expiresAt <= Date.now()) {
    state(ctx).sessions.delete(id);
    return undefined;
  }
  return s;
}

export function endLoginSession(ctx: DevboxContext, id: string | undefined): boolean {
  return id ? state(ctx).sessions.delete(id) : false;
}

export function issueLoginCsrf(ctx: DevboxContext): string {
  const { csrf } = state(ctx);
  const now = Date.now();
  if (csrf.size >= MAX_PENDING_CSRF) {
    for (const [k, exp] of csrf) if (exp <= now) csrf.delete(k);
    if (csrf.size >= MAX_PENDING_CSRF) csrf.clear(); // bounded memory beats keeping stale forms
  }
  const token = random();
  csrf.set(token, now + CSRF_TTL_MS);
  return token;
}

/** Single use: a replayed login form is refused. */
export function consumeLoginCsrf(ctx: DevboxContext, token: string | undefined): boolean {
  if (!token) return false;
  const { csrf } = state(ctx);
  const exp = csrf.get(token);
  csrf.delete(token);
  return exp !== undefined && exp > Date.now();
}
