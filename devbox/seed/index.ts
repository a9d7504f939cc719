// Seeding entry points, called by devbox startup (server.ts) and by tests:
//   ensureBootstrap — every start: the identities Aidbox itself creates from its env, plus, on a
//                     fresh database, bootstrap.json (the file an operator loads into real Aidbox).
//   seedDemo        — the demo data set (first start with --seed demo).
//   seedScale       — synthetic Clients/AccessPolicies for performance work (--scale).
import type { DevboxContext } from '../context.ts';
import { verifyClientSecret, verifyPassword } from '../auth/secrets.ts';
import type { Resource, ResourceType, Store } from '../store/types.ts';
import { applyBootstrapEntries, loadBootstrapBundle } from './bootstrap-bundle.ts';
import { demoResources, resourceTypeOf } from './demo.ts';
import { createDemoSmartKey, smartDemoResources } from './demo-smart.ts';
import { operationResources } from './operations.ts';
import { scaleResources } from './scale.ts';
import { storeForm } from '../http/fhir-reading.ts';

export const ROOT_CLIENT_ID = 'root';
export const ROOT_POLICY_ID = 'root-allow-all';
export const ADMIN_USER_ID = 'admin';

const ROOT_GRANTS = ['basic', 'client_credentials'];

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The stored resource without meta, so a rewrite keeps fields an operator added. */
function editable(r: Resource | undefined): Record<string, unknown> {
  if (!r) return {};
  const { meta: _meta, ...rest } = r;
  return rest;
}

// Like Aidbox with BOX_ROOT_CLIENT_SECRET: the root Client always matches the environment. Written
// only when something differs, so restarts do not pile up history versions.
async function ensureRootClient(store: Store, secret: string): Promise<void> {
  const existing = await store.read('Client', ROOT_CLIENT_ID);
  const cc = record(record(existing?.auth).client_credentials);
  const upToDate =
    existing !== undefined &&
    existing.active === true &&
    verifyClientSecret(secret, existing.secret) &&
    JSON.stringify(existing.grant_types) === JSON.stringify(ROOT_GRANTS) &&
    cc.token_format === 'jwt';
  if (upToDate) return;
  await store.update('Client', ROOT_CLIENT_ID, {
    name: 'Root client',
    description: 'Superuser client created from BOX_ROOT_CLIENT_SECRET. Use it for automation, not people.',
    ...editable(existing),
    resourceType: 'Client',
    id: ROOT_CLIENT_ID,
    active: true,
    secret, // plaintext here; the store hashes it on write
    grant_types: ROOT_GRANTS,
    auth: {
      ...record(existing?.auth),
      client_credentials: { ...cc, token_format: 'jwt', access_token_expiration: 3600 },
    },
  });
}

async function ensureRootPolicy(store: Store): Promise<void> {
  const existing = await store.read('AccessPolicy', ROOT_POLICY_ID);
  const links = Array.isArray(existing?.link) ? existing.link : [];
  const linked = links.some((l) => record(l).reference === `Client/${ROOT_CLIENT_ID}`);
  if (existing?.engine === 'allow' && linked) return;
  await store.update('AccessPolicy', ROOT_POLICY_ID, {
    resourceType: 'AccessPolicy',
    id: ROOT_POLICY_ID,
    description:
      'Everything is allowed for the root client (as in Aidbox). Never link this to anything else.',
    engine: 'allow',
    link: [{ reference: `Client/${ROOT_CLIENT_ID}` }],
  });
}

// Like Aidbox with BOX_ADMIN_PASSWORD, plus the consoleAdmin flag the console's policy checks.
async function ensureAdminUser(store: Store, password: string): Promise<void> {
  const existing = await store.read('User', ADMIN_USER_ID);
  const data = record(existing?.data);
  if (existing && data.consoleAdmin === true && verifyPassword(password, existing.password)) return;
  await store.update('User', ADMIN_USER_ID, {
    email: 'admin@devbox.local',
    name: { givenName: 'Console', familyName: 'Admin', formatted: 'Console Admin' },
    ...editable(existing),
    resourceType: 'User',
    id: ADMIN_USER_ID,
    password, // plaintext here; the store hashes it on write
    data: { ...data, consoleAdmin: true },
  });
}

// Aidbox's Operations are built in; devbox creates missing ones so Operation links always resolve.
async function ensureOperations(store: Store): Promise<void> {
  const have = new Set((await store.list('Operation')).map((r) => r.id));
  for (const op of operationResources()) {
    if (!have.has(op.id)) await store.create('Operation', op);
  }
}

/**
 * Runs on every start, all or nothing. `fresh` = the database was just created: only then is
 * bootstrap.json applied, so later edits to the console Client or its policy are never reverted.
 */
export async function ensureBootstrap(ctx: DevboxContext, opts: { fresh: boolean }): Promise<void> {
  const { adminPassword, rootClientSecret, consoleUrl } = ctx.config;
  await ctx.store.transaction(async (tx) => {
    await ensureOperations(tx);
    await ensureRootClient(tx, rootClientSecret);
    await ensureRootPolicy(tx);
    await ensureAdminUser(tx, adminPassword);
    if (opts.fresh) await applyBootstrapEntries(tx, loadBootstrapBundle(), consoleUrl);
  });
}

/**
 * Writes the demo data set (40 Clients, 18 AccessPolicies, 5 Users, 13 past Sessions) in one
 * transaction. PUT semantics, so running it twice leaves the same data (with new versions).
 * Demo credentials that tests need are in demo-secrets.ts; every other demo secret is random.
 */
export async function seedDemo(ctx: DevboxContext): Promise<void> {
  const env = { consoleUrl: ctx.config.consoleUrl.replace(/\/+$/, ''), now: Date.now() };
  const smart = smartDemoResources(await createDemoSmartKey(ctx));
  await ctx.store.transaction(async (tx) => {
    // The alternate reading stores policy links as {resourceType, id} (devbox/README.md, "Readings").
    for (const r of [...demoResources(env, ctx.config.baseUrl), ...smart])
      await tx.update(resourceTypeOf(r), r.id, storeForm(ctx.config.reading, r));
  });
}

/**
 * Optional store capability for large loads: PUT semantics for every resource (validation, secret
 * hashing and history as usual) in a few multi-row statements. Per-resource writes cost ~1.5 ms on
 * PGlite, mostly trigram-index maintenance, which makes `--scale 10000,1000` take 20–30 s; a bulk
 * path that rebuilds the index after the load measured ~4 s. Used when the store offers it.
 */
export interface BulkPutStore {
  putMany(type: ResourceType, resources: Resource[]): Promise<void>;
}

function canPutMany(store: Store): store is Store & BulkPutStore {
  return typeof (store as Partial<BulkPutStore>).putMany === 'function';
}

/**
 * Adds `clients` synthetic Clients (scale-client-00000…) and `policies` AccessPolicies
 * (scale-policy-0000…) in one transaction; the same counts always give the same data (seeded PRNG).
 */
export async function seedScale(
  ctx: DevboxContext,
  opts: { clients: number; policies: number },
): Promise<void> {
  const { clients, policies } = scaleResources(opts);
  await ctx.store.transaction(async (tx) => {
    if (canPutMany(tx)) {
      await tx.putMany('Client', clients);
      await tx.putMany('AccessPolicy', policies);
      return;
    }
    for (const c of clients) await tx.update('Client', c.id, c);
    for (const p of policies) await tx.update('AccessPolicy', p.id, p);
  });
}
