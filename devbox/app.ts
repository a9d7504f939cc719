// Composition of devbox's HTTP surface. Order matters: CORS first (preflights never reach auth),
// then fault injection, the body limit, health, the auth endpoints, access control, and /fhir.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DevboxContext } from './context.ts';
import { accessControl } from './http/access.ts';
import { authRoutes } from './http/auth-routes.ts';
import { cors } from './http/cors.ts';
import { faults } from './http/faults.ts';
import type { DevboxEnv } from './http/fhir-env.ts';
import { metadataRoutes } from './http/fhir-metadata.ts';
import { fhirRoutes } from './http/fhir-routes.ts';
import { healthRoutes } from './http/health.ts';
import { rpcRoutes } from './http/smart-rpc.ts';
import { fail } from './http/outcome.ts';

export function createApp(ctx: DevboxContext): Hono<DevboxEnv> {
  const app = new Hono<DevboxEnv>();
  app.use('*', cors(ctx.config));
  // Mounted only when enabled at start: no header or setting can switch it on later.
  if (ctx.config.faults) app.use('*', faults());
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.config.maxBodyBytes,
      onError: (c) => fail(c, 413, 'too-costly', `Request body exceeds ${ctx.config.maxBodyBytes} bytes`),
    }),
  );
  app.route('/', healthRoutes(ctx));
  app.route('/', authRoutes(ctx));
  app.route('/', metadataRoutes(ctx)); // public, before access control
  app.use('/fhir', accessControl(ctx));
  app.use('/fhir/*', accessControl(ctx));
  app.route('/fhir', fhirRoutes(ctx));
  app.use('/rpc', accessControl(ctx));
  app.route('/', rpcRoutes(ctx));
  app.notFound((c) => fail(c, 404, 'not-found', `No such endpoint: ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    console.error('devbox: unhandled error', err);
    return fail(c, 500, 'exception', 'Internal server error');
  });
  return app;
}
