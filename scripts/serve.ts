// Serves dist/ with a strict Content-Security-Policy, SPA fallback to index.html and a generated
// /config.json. Used by `npm start` and the e2e web server.
//   tsx scripts/serve.ts --port 5173 --aidbox http://127.0.0.1:8888 [--client-id aidbox-console] [--host 127.0.0.1]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CACHE_CONTROL, HASHED_ASSETS_PREFIX, securityHeaders } from './security-headers.ts';

export interface ServeOptions {
  port: number;
  host: string;
  aidboxUrl: string;
  clientId: string;
  scopes: string;
  root: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export { contentSecurityPolicy, securityHeaders } from './security-headers.ts';

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function createConsoleServer(options: ServeOptions) {
  const root = resolve(options.root);
  const configJson = JSON.stringify(
    { aidboxUrl: options.aidboxUrl.replace(/\/+$/, ''), clientId: options.clientId, scopes: options.scopes },
    null,
    2,
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = securityHeaders(options.aidboxUrl, url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(
        res,
        405,
        { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' },
        'Method not allowed',
      );
    }
    if (url.pathname === '/config.json') {
      return send(
        res,
        200,
        { ...headers, 'Content-Type': TYPES['.json']!, 'Cache-Control': CACHE_CONTROL.config },
        configJson,
      );
    }
    if (url.pathname === '/health') return send(res, 200, { ...headers, 'Content-Type': 'text/plain' }, 'ok');

    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, { ...headers, 'Content-Type': 'text/plain' }, 'Bad request');
    }
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      return send(res, 404, { ...headers, 'Content-Type': 'text/plain' }, 'Not found');
    }
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) {
      const body = await readFile(file);
      const hashed = pathname.startsWith(HASHED_ASSETS_PREFIX);
      return send(
        res,
        200,
        {
          ...headers,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': hashed
            ? CACHE_CONTROL.hashedAsset
            : pathname === '/index.html'
              ? CACHE_CONTROL.document
              : CACHE_CONTROL.other,
        },
        req.method === 'HEAD' ? '' : body,
      );
    }
    if (extname(pathname) !== '' && pathname.startsWith(HASHED_ASSETS_PREFIX)) {
      return send(res, 404, { ...headers, 'Content-Type': 'text/plain' }, 'Not found');
    }
    // SPA fallback: every route (including /callback) is index.html.
    const index = await readFile(join(root, 'index.html')).catch(() => null);
    if (!index) {
      return send(
        res,
        500,
        { ...headers, 'Content-Type': 'text/plain' },
        'dist/index.html missing: run `npx vite build` first',
      );
    }
    return send(
      res,
      200,
      { ...headers, 'Content-Type': TYPES['.html']!, 'Cache-Control': CACHE_CONTROL.document },
      req.method === 'HEAD' ? '' : index,
    );
  }

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('serve:', e);
      if (!res.headersSent) send(res, 500, { 'Content-Type': 'text/plain' }, 'Internal error');
    });
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5173' },
      host: { type: 'string', default: '127.0.0.1' },
      aidbox: { type: 'string', default: 'http://127.0.0.1:8888' },
      'client-id': { type: 'string', default: 'aidbox-console' },
      scopes: { type: 'string', default: 'openid' },
      root: { type: 'string', default: 'dist' },
    },
  });
  const options: ServeOptions = {
    port: Number(values.port),
    host: values.host,
    aidboxUrl: values.aidbox,
    clientId: values['client-id'],
    scopes: values.scopes,
    root: values.root,
  };
  new URL(options.aidboxUrl); // fail fast on a bad --aidbox
  const server = createConsoleServer(options);
  server.listen(options.port, options.host, () => {
    console.log(`Console: http://${options.host}:${options.port} (Aidbox ${options.aidboxUrl})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
