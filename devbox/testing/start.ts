// Test helper: a devbox in memory on a random free port, with the root client's Basic header.
import type { DevboxConfig } from '../context.ts';
import { startDevbox } from '../server.ts';
import type { RunningDevbox } from '../server.ts';

export const TEST_ROOT_SECRET = 'test-root-secret';
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

export interface TestDevbox extends RunningDevbox {
  /** `Authorization` header value: Basic credentials of Client "root". */
  rootBasic: string;
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/**
 * Starts devbox in memory with no demo data. One per test file: startup takes 1–3 s.
 * @example
 * const box = await startTestDevbox();
 * const res = await fetch(`${box.url}/fhir/Client`, { headers: { Authorization: box.rootBasic } });
 * await box.stop();
 */
export async function startTestDevbox(overrides: Partial<DevboxConfig> = {}): Promise<TestDevbox> {
  const config: Partial<DevboxConfig> = {
    host: '127.0.0.1',
    port: 0,
    dataDir: undefined,
    seed: 'none',
    rootClientSecret: TEST_ROOT_SECRET,
    adminPassword: TEST_ADMIN_PASSWORD,
    ...overrides,
  };
  const box = await startDevbox(config);
  return { ...box, rootBasic: basicAuth('root', box.ctx.config.rootClientSecret) };
}
