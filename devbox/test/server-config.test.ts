import { describe, expect, it } from 'vitest';
import { configFromArgs, UsageError } from '../server-config.ts';
import { bannerLines } from '../banner.ts';

describe('configFromArgs', () => {
  it('has the documented defaults', () => {
    const c = configFromArgs([], {});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8888,
      baseUrl: 'http://127.0.0.1:8888',
      dataDir: '.devbox',
      seed: 'demo',
      scale: undefined,
      adminPassword: 'devbox-admin',
      rootClientSecret: 'devbox-root-secret',
      corsOrigins: '*',
      devMode: false,
      faults: false,
      consoleUrl: 'http://127.0.0.1:5173',
    });
  });

  it('reads every flag', () => {
    const c = configFromArgs(
      ['--port', '9000', '--host', '0.0.0.0', '--data', '/tmp/x', '--seed', 'none', '--scale', '100,10'],
      {},
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      seed: 'none',
      scale: { clients: 100, policies: 10 },
    });
    expect(c.baseUrl).toBe('http://127.0.0.1:9000');
    expect(configFromArgs(['--memory'], {}).dataDir).toBeUndefined();
  });

  it('reads Aidbox environment names', () => {
    const c = configFromArgs([], {
      BOX_ADMIN_PASSWORD: 'a',
      BOX_ROOT_CLIENT_SECRET: 'r',
      BOX_SECURITY_CORS_ORIGINS: 'https://a.test, https://b.test',
      BOX_SECURITY_DEV_MODE: 'true',
      BOX_WEB_BASE_URL: 'https://box.example.com/',
      DEVBOX_CONSOLE_URL: 'https://console.example.com/',
      DEVBOX_FAULTS: '1',
    });
    expect(c).toMatchObject({
      adminPassword: 'a',
      rootClientSecret: 'r',
      corsOrigins: ['https://a.test', 'https://b.test'],
      devMode: true,
      baseUrl: 'https://box.example.com',
      consoleUrl: 'https://console.example.com',
      faults: true,
    });
  });

  it('enables faults only with DEVBOX_FAULTS=1', () => {
    expect(configFromArgs([], { DEVBOX_FAULTS: 'true' }).faults).toBe(false);
    expect(configFromArgs([], {}).faults).toBe(false);
  });

  it('rejects bad flags with a usage error', () => {
    expect(() => configFromArgs(['--bogus'], {})).toThrow(UsageError);
    expect(() => configFromArgs(['--port'], {})).toThrow(UsageError);
    expect(() => configFromArgs(['--port', 'x'], {})).toThrow(UsageError);
    expect(() => configFromArgs(['--seed', 'all'], {})).toThrow(UsageError);
    expect(() => configFromArgs(['--scale', '10'], {})).toThrow(UsageError);
  });
});

describe('banner', () => {
  const lines = (env: NodeJS.ProcessEnv) =>
    bannerLines(configFromArgs([], env), 'http://127.0.0.1:8888', env).join('\n');
  it('says whether development mode is on and how to switch it', () => {
    expect(lines({})).toContain('development mode: OFF');
    expect(lines({})).toContain('set BOX_SECURITY_DEV_MODE=true to turn it on');
    expect(lines({ BOX_SECURITY_DEV_MODE: 'true' })).toContain('development mode: ON');
    expect(lines({ BOX_SECURITY_DEV_MODE: 'true' })).toContain(
      'without BOX_SECURITY_DEV_MODE=true to turn it off',
    );
  });
  it('names the reading and never prints a password that came from the environment', () => {
    expect(lines({})).toContain('reading: strict');
    expect(bannerLines(configFromArgs(['--reading', 'alternate'], {}), 'x', {}).join('\n')).toContain(
      'reading: alternate',
    );
    const secret = lines({
      BOX_ADMIN_PASSWORD: 'hunter2-very-secret',
      BOX_ROOT_CLIENT_SECRET: 'root-very-secret',
    });
    expect(secret).not.toContain('hunter2-very-secret');
    expect(secret).not.toContain('root-very-secret');
  });
});
