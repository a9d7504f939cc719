// DevboxConfig from flags and environment. Environment names are Aidbox's own where they exist
// (BOX_*); devbox-only settings use DEVBOX_*.
import type { DevboxConfig } from './context.ts';

export const DEFAULT_PORT = 8888;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.devbox';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The base URL a browser uses for a listening address (wildcard hosts become loopback). */
export function urlFor(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  return `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`;
}

export function defaultConfig(): DevboxConfig {
  return {
    host: DEFAULT_HOST,
    port: DEFAULT_PORT,
    baseUrl: urlFor(DEFAULT_HOST, DEFAULT_PORT),
    dataDir: DEFAULT_DATA_DIR,
    seed: 'demo',
    scale: undefined,
    adminPassword: 'devbox-admin',
    rootClientSecret: 'devbox-root-secret',
    corsOrigins: '*',
    corsEnabled: true,
    devMode: false,
    faults: false,
    consoleUrl: 'http://127.0.0.1:5173',
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    reading: 'strict',
  };
}

export class UsageError extends Error {}

function parseScale(raw: string): { clients: number; policies: number } {
  const m = /^(\d+),(\d+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`--scale expects CLIENTS,POLICIES (e.g. 10000,1000), got "${raw}"`);
  return { clients: Number(m[1]), policies: Number(m[2]) };
}

function parseCors(raw: string | undefined): '*' | string[] {
  if (raw === undefined || raw.trim() === '*') return '*';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

/** Reads `argv` (without node and script) and `env`; throws UsageError on a bad flag. */
export function configFromArgs(argv: string[], env: NodeJS.ProcessEnv): DevboxConfig {
  const config = defaultConfig();
  let baseUrlSet = false;
  const args = [...argv];
  const value = (flag: string) => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length > 0) {
    const flag = args.shift() ?? '';
    if (flag === '--port') {
      config.port = Number(value(flag));
      if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
        throw new UsageError('--port must be 0..65535');
    } else if (flag === '--host') config.host = value(flag);
    else if (flag === '--data') config.dataDir = value(flag);
    else if (flag === '--memory') config.dataDir = undefined;
    else if (flag === '--seed') {
      const v = value(flag);
      if (v !== 'demo' && v !== 'none') throw new UsageError('--seed must be demo or none');
      config.seed = v;
    } else if (flag === '--scale') config.scale = parseScale(value(flag));
    else if (flag === '--reading') {
      const v = value(flag);
      if (v !== 'strict' && v !== 'alternate') throw new UsageError('--reading must be strict or alternate');
      config.reading = v;
    } else throw new UsageError(`Unknown flag ${flag}`);
  }
  if (env.BOX_ADMIN_PASSWORD) config.adminPassword = env.BOX_ADMIN_PASSWORD;
  if (env.BOX_ROOT_CLIENT_SECRET) config.rootClientSecret = env.BOX_ROOT_CLIENT_SECRET;
  config.corsOrigins = parseCors(env.BOX_SECURITY_CORS_ORIGINS);
  // Aidbox's default is true (all-settings.md, security.cors.enabled).
  config.corsEnabled = env.BOX_SECURITY_CORS_ENABLED === undefined || truthy(env.BOX_SECURITY_CORS_ENABLED);
  config.devMode = truthy(env.BOX_SECURITY_DEV_MODE);
  config.faults = env.DEVBOX_FAULTS === '1';
  if (env.DEVBOX_CONSOLE_URL) config.consoleUrl = env.DEVBOX_CONSOLE_URL.replace(/\/+$/, '');
  if (env.BOX_WEB_BASE_URL) {
    config.baseUrl = env.BOX_WEB_BASE_URL.replace(/\/+$/, '');
    baseUrlSet = true;
  }
  if (!baseUrlSet) config.baseUrl = urlFor(config.host, config.port);
  return config;
}
