// PLACEHOLDER owned by the auth/policy work: /auth/*, /.well-known/*, DELETE /Session.
import { Hono } from 'hono';
import type { DevboxContext } from '../context.ts';

export function authRoutes(_ctx: DevboxContext): Hono {
  return new Hono();
}
