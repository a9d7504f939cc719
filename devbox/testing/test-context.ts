// A DevboxContext for seed tests; the values are test-only and never used by a running devbox.
import type { DevboxConfig, DevboxContext } from '../context.ts';
import type { Store } from '../store/types.ts';

export function testConfig(overrides: Partial<DevboxConfig> = {}): DevboxConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    baseUrl: 'http://127.0.0.1:8888',
    dataDir: undefined,
    seed: 'none',
    scale: undefined,
    adminPassword: 'test-admin-password-0d7c1e',
    rootClientSecret: 'test-root-secret-5b1f9a2c7e',
    corsOrigins: '*',
    corsEnabled: true,
    devMode: true,
    faults: false,
    consoleUrl: 'http://localhost:4173',
    maxBodyBytes: 1_000_000,
    reading: 'strict',
    ...overrides,
  };
}

export function testContext(store: Store, overrides: Partial<DevboxConfig> = {}): DevboxContext {
  return { config: testConfig(overrides), store };
}
