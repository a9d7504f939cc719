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
  /** When the user entered the password (seconds): OIDC auth_time, checked against max_age. */
  authTime: number;
  /**
   * Until this time (ms) the login counts as the fresh one that prompt=login / max_age asked for;
   * consumed by the first code issued, so it cannot satisfy a later authorization request.
   */
  freshUntil: number;
}

/** How long a just-entered password satisfies prompt=login / max_age (login → consent → code). */
const FRESH_MS = 10 * 60 * 1000;

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
    authTime: Math.floor(Date.now() / 1000),
    freshUntil: Date.now() + FRESH_MS,
  };
  state(ctx).sessions.set(session.id, session);
  return session;
}

/**
 * OIDC Core §3.1.2.1: `prompt=login` asks for a fresh login, `max_age` bounds the login's age.
 * True when the browser's login does not satisfy them (the login form is shown again).
 */
export function needsFreshLogin(
  login: LoginSession,
  prompt: string | null,
  maxAge: number | undefined,
): boolean {
  if (login.freshUntil > Date.now()) return false;
  const prompts = (prompt ?? '').split(' ');
  if (prompts.includes('login')) return true;
  return maxAge !== undefined && Math.floor(Date.now() / 1000) - login.authTime > maxAge;
}

/** The first code issued after a login uses up its freshness. */
export function consumeFreshness(login: LoginSession): void {
  login.freshUntil = 0;
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
