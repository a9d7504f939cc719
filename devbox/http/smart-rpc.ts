// POST /rpc with method `aidbox.smart/get-launch-uri` (aidbox-docs smart-on-fhir/
// smart-client-authorization/smart-app-launch.md, "Get launch URI endpoint"). Other RPC methods
// are not implemented. The caller passes the same access control as /fhir.
import { Hono } from 'hono';
import { launchUri } from '../auth/smart-launch.ts';
import type { DevboxContext } from '../context.ts';

const METHOD = 'aidbox.smart/get-launch-uri';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function rpcRoutes(ctx: DevboxContext): Hono {
  const app = new Hono();
  app.post('/rpc', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: { message: 'Body must be JSON: {method, params}' } }, 400);
    }
    const { method, params } = (body ?? {}) as { method?: unknown; params?: Record<string, unknown> };
    if (method !== METHOD) {
      return c.json(
        { error: { message: `Unknown RPC method ${String(method)}; devbox has only ${METHOD}` } },
        404,
      );
    }
    const clientId = str(params?.client);
    const userId = str(params?.user);
    const patient = str((params?.ctx as { patient?: unknown } | undefined)?.patient);
    const iss = str(params?.iss) ?? `${ctx.config.baseUrl}/fhir`;
    const client = clientId ? await ctx.store.read('Client', clientId) : undefined;
    const user = userId ? await ctx.store.read('User', userId) : undefined;
    const launchBase = str((client?.smart as { launch_uri?: unknown } | undefined)?.launch_uri);
    const problem = !client
      ? 'params.client must name an existing Client'
      : !user
        ? 'params.user must name an existing User'
        : !launchBase || !URL.canParse(launchBase)
          ? 'The Client has no valid smart.launch_uri'
          : undefined;
    if (problem || !client || !user || !launchBase) return c.json({ error: { message: problem } }, 422);
    const result = await launchUri(ctx, { client: client.id, user: user.id, iss, patient }, launchBase);
    return c.json({ result });
  });
  return app;
}
