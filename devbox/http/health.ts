// GET /health: 200 once the database answers (the server only listens after startup finished).
import { Hono } from 'hono';
import type { DevboxContext } from '../context.ts';

export function healthRoutes(ctx: DevboxContext): Hono {
  const app = new Hono();
  // devbox's HTML pages (login, consent) have no icon; answering the browser's automatic
  // /favicon.ico request keeps a 404 out of every sign-in's console log.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/health', async (c) => {
    try {
      await ctx.store.query('SELECT 1', []);
      return c.json({ status: 'pass' });
    } catch {
      return c.json({ status: 'fail' }, 503);
    }
  });
  return app;
}
