// Everything outside /fhir that the auth plane serves: /auth/*, /.well-known/*, DELETE /Session.
// Mounted at the root by app.ts before the FHIR routes.
import { Hono } from 'hono';
import type { DevboxContext } from '../context.ts';
import { mountAuthorizeRoutes } from './auth-authorize.ts';
import { mountSessionRoutes } from './auth-session.ts';
import { mountTestPolicy } from './auth-test-policy.ts';
import { mountTokenRoutes } from './auth-token.ts';
import { mountWellKnown } from './well-known.ts';

export function authRoutes(ctx: DevboxContext): Hono {
  const app = new Hono();
  mountWellKnown(app, ctx);
  mountTokenRoutes(app, ctx);
  mountAuthorizeRoutes(app, ctx);
  mountSessionRoutes(app, ctx);
  mountTestPolicy(app, ctx);
  return app;
}
