// The one object every devbox module receives. Built once in server.ts; nothing here is global,
// so several devboxes (one per test file) can run in one process.
import type { Store } from './store/types.ts';

export interface DevboxConfig {
  host: string;
  port: number;
  /** Public base URL (BOX_WEB_BASE_URL); the token issuer and the base of Bundle links. */
  baseUrl: string;
  /** Directory for PGlite's data; undefined = in memory (--memory). */
  dataDir: string | undefined;
  seed: 'demo' | 'none';
  scale: { clients: number; policies: number } | undefined;
  /** BOX_ADMIN_PASSWORD: password of User "admin". */
  adminPassword: string;
  /** BOX_ROOT_CLIENT_SECRET: secret of Client "root". */
  rootClientSecret: string;
  /** BOX_SECURITY_CORS_ORIGINS: "*" echoes any Origin; otherwise an exact allow-list. */
  corsOrigins: '*' | string[];
  /** BOX_SECURITY_CORS_ENABLED (default true): false sends no CORS headers at all. */
  corsEnabled: boolean;
  /** BOX_SECURITY_DEV_MODE: enables __debug=policy and /auth/test-policy. */
  devMode: boolean;
  /** DEVBOX_FAULTS=1 only: honour the x-devbox-fault request header. */
  faults: boolean;
  /** Where the console is served; the seeded console Client's redirect_uri is `${consoleUrl}/callback`. */
  consoleUrl: string;
  /** Largest accepted request body in bytes (413 above). */
  maxBodyBytes: number;
  /**
   * --reading: `strict` (default) serves the strictest plausible form of every behaviour Aidbox
   * leaves undocumented; `alternate` serves the other plausible form, so the console is tested
   * against both. devbox/README.md lists each such behaviour.
   */
  reading: Reading;
}

export type Reading = 'strict' | 'alternate';

export interface DevboxContext {
  config: DevboxConfig;
  store: Store;
}
