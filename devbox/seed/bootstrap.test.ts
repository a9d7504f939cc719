import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyClientSecret, verifyPassword } from '../auth/secrets.ts';
import { BOOTSTRAP_PATH, loadBootstrapBundle, parseBootstrapBundle } from './bootstrap-bundle.ts';
import { createFakeStore } from '../testing/fake-store.ts';
import { ensureBootstrap } from './index.ts';
import { OPERATION_IDS } from './operations.ts';
import { testContext } from '../testing/test-context.ts';

const raw = JSON.parse(readFileSync(BOOTSTRAP_PATH, 'utf8')) as {
  resourceType: string;
  type: string;
  entry: { resource: Record<string, unknown>; request: Record<string, unknown> }[];
};

describe('bootstrap.json', () => {
  it('is a transaction Bundle whose entries devbox understands', () => {
    expect(raw.resourceType).toBe('Bundle');
    expect(raw.type).toBe('transaction');
    const entries = loadBootstrapBundle();
    expect(entries.map((e) => `${e.request.method} ${e.resource.resourceType}/${e.resource.id}`)).toEqual([
      'PUT Client/aidbox-console',
      'PUT AccessPolicy/aidbox-console-admin',
      'POST User/admin',
    ]);
  });

  it('uses /fhir-format references and carries no credentials', () => {
    const text = readFileSync(BOOTSTRAP_PATH, 'utf8');
    // Aidbox-format references ({resourceType, id} inside link) would not load through /fhir.
    const policy = raw.entry[1]?.resource;
    expect(policy?.link).toEqual([{ reference: 'Client/aidbox-console' }]);
    expect(text).not.toMatch(/"(secret|password)"\s*:/);
  });

  it('registers the console as a public PKCE client', () => {
    const client = raw.entry[0]?.resource;
    expect(client).toMatchObject({
      name: 'Aidbox Client Console',
      first_party: true,
      grant_types: ['authorization_code', 'refresh_token'],
      auth: {
        authorization_code: {
          redirect_uri: 'http://127.0.0.1:5173/callback',
          pkce: true,
          secret_required: false,
          token_format: 'jwt',
          access_token_expiration: 900,
          refresh_token: true,
          refresh_token_expiration: 28800,
        },
      },
    });
  });

  it('rejects entries it cannot apply faithfully', () => {
    const bundle = (request: object) => ({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { resourceType: 'Client', id: 'x' }, request }],
    });
    expect(() => parseBootstrapBundle(bundle({ method: 'PUT', url: 'Client/y' }))).toThrow(/entry\[0\]/);
    expect(() => parseBootstrapBundle(bundle({ method: 'DELETE', url: 'Client/x' }))).toThrow();
    expect(() => parseBootstrapBundle({ resourceType: 'Bundle', type: 'batch', entry: [] })).toThrow();
  });
});

describe('ensureBootstrap', () => {
  it('creates root, admin, operations and, when fresh, the console client with the configured redirect', async () => {
    const store = createFakeStore();
    const ctx = testContext(store, { consoleUrl: 'http://localhost:4173/' });
    await ensureBootstrap(ctx, { fresh: true });

    const root = await store.read('Client', 'root');
    expect(root?.grant_types).toEqual(['basic', 'client_credentials']);
    expect(root?.secret).not.toBe(ctx.config.rootClientSecret);
    expect(verifyClientSecret(ctx.config.rootClientSecret, root?.secret)).toBe(true);
    expect((await store.read('AccessPolicy', 'root-allow-all'))?.engine).toBe('allow');

    const admin = await store.read('User', 'admin');
    expect(admin?.data).toEqual({ consoleAdmin: true });
    expect(verifyPassword(ctx.config.adminPassword, admin?.password)).toBe(true);

    const consoleClient = await store.read('Client', 'aidbox-console');
    expect(consoleClient?.auth).toMatchObject({
      authorization_code: { redirect_uri: 'http://localhost:4173/callback' },
    });
    expect(await store.read('AccessPolicy', 'aidbox-console-admin')).toBeDefined();
    expect((await store.list('Operation')).map((o) => o.id).sort()).toEqual([...OPERATION_IDS].sort());
  });

  it('rewrites nothing on a restart with the same settings, and follows a changed root secret', async () => {
    const store = createFakeStore();
    await ensureBootstrap(testContext(store), { fresh: true });
    const before = new Map(store.writes);
    await ensureBootstrap(testContext(store), { fresh: false });
    expect(store.writes).toEqual(before);

    await ensureBootstrap(testContext(store, { rootClientSecret: 'rotated-secret-8f2d41c9a7' }), {
      fresh: false,
    });
    const root = await store.read('Client', 'root');
    expect(verifyClientSecret('rotated-secret-8f2d41c9a7', root?.secret)).toBe(true);
    expect(store.writes.get('Client/aidbox-console')).toBe(1);
  });

  it('leaves the console client alone when the database is not fresh', async () => {
    const store = createFakeStore();
    await ensureBootstrap(testContext(store), { fresh: false });
    expect(await store.read('Client', 'aidbox-console')).toBeUndefined();
    expect(await store.read('Client', 'root')).toBeDefined();
  });
});
