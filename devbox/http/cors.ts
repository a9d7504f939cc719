// CORS as docs/access-control/security-hardening.md describes it: BOX_SECURITY_CORS_ENABLED=false
// sends no CORS headers; BOX_SECURITY_CORS_ORIGINS "*" echoes the caller's Origin (credentials need
// an exact origin, never "*"); a list allows exact matches only and other origins get no CORS
// headers at all. Preflights reflect the requested headers in Access-Control-Allow-Headers.
import type { MiddlewareHandler } from 'hono';
import type { DevboxConfig } from '../context.ts';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const EXPOSE_HEADERS = 'ETag, Location, Last-Modified, Content-Location, WWW-Authenticate';

export function allowedOrigin(
  config: Pick<DevboxConfig, 'corsOrigins' | 'corsEnabled'>,
  origin: string | undefined,
) {
  if (!origin || !config.corsEnabled) return undefined;
  if (config.corsOrigins === '*') return origin;
  return config.corsOrigins.includes(origin) ? origin : undefined;
}

/** A requested-headers list is echoed only when it is a plain comma-separated list of header names. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export function cors(
  config: Pick<DevboxConfig, 'corsOrigins' | 'corsEnabled' | 'faults'>,
): MiddlewareHandler {
  const allowHeaders = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Exist', 'Accept', 'Prefer']
    .concat(config.faults ? ['x-devbox-fault'] : [])
    .join(', ');
  return async (c, next) => {
    const origin = allowedOrigin(config, c.req.header('Origin'));
    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method');
    if (preflight) {
      if (!origin) return c.body(null, 204);
      const requested = c.req.header('Access-Control-Request-Headers')?.trim();
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': requested && HEADER_LIST.test(requested) ? requested : allowHeaders,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin, Access-Control-Request-Headers',
      });
    }
    await next();
    c.header('Vary', 'Origin', { append: true });
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Credentials', 'true');
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
