import { describe, expect, it } from 'vitest';
import type { Resource } from '../store/types.ts';
import { loadBootstrapBundle } from './bootstrap-bundle.ts';
import { RISKY_CLIENTS } from './demo-clients-risky.ts';
import { ALLOW_ALL_POLICY_IDS, MIXED_LINK_POLICY_ID } from './demo-policies.ts';
import { DEMO_SECRETS, DEMO_USER_PASSWORDS } from './demo-secrets.ts';
import { demoClients, demoPolicies, demoResources } from './demo.ts';
import { demoUsers } from './demo-users.ts';
import { OPERATION_IDS } from './operations.ts';

const env = { consoleUrl: 'http://localhost:4173', now: Date.parse('2026-09-01T00:00:00Z') };
const clients = demoClients(env);
const policies = demoPolicies();
const byId = new Map(clients.map((c) => [c.id, c]));

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null ? (v as Rec) : {});
const refs = (p: Resource): string[] =>
  (Array.isArray(p.link) ? p.link : []).map((l) => String(rec(l).reference));
const flows = (c: Resource): Rec[] => Object.values(rec(c.auth)).map(rec);
const grants = (c: Resource): string[] => (Array.isArray(c.grant_types) ? c.grant_types.map(String) : []);
const redirects = (c: Resource): string[] =>
  flows(c)
    .map((f) => f.redirect_uri)
    .filter((u): u is string => typeof u === 'string');
const linkedClients = new Set(policies.flatMap(refs).filter((r) => r.startsWith('Client/')));
const policiesOf = (id: string) => policies.filter((p) => refs(p).includes(`Client/${id}`));
const daysSince = (date: unknown) => (env.now - Date.parse(String(date))) / 86_400_000;

describe('demo data set', () => {
  it('has about 40 Clients, about 15 policies and unique ids per type', () => {
    expect(clients.length).toBeGreaterThanOrEqual(38);
    expect(policies.length).toBeGreaterThanOrEqual(15);
    const keys = demoResources(env).map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links only to Clients, Users and Operations that exist after seeding', () => {
    const existing = new Set([
      ...demoResources(env).map((r) => `${r.resourceType}/${r.id}`),
      ...loadBootstrapBundle().map((e) => `${e.resource.resourceType}/${e.resource.id}`),
      ...OPERATION_IDS.map((id) => `Operation/${id}`),
      'Client/root',
      'User/admin',
    ]);
    const dangling = policies.flatMap(refs).filter((r) => !existing.has(r));
    expect(dangling).toEqual([]);
    const sessionRefs = demoResources(env)
      .filter((r) => r.resourceType === 'Session')
      .flatMap((s) => [rec(s.client).reference, ...(s.user ? [rec(s.user).reference] : [])]);
    expect(sessionRefs.length).toBeGreaterThan(10);
    expect(sessionRefs.filter((r) => !existing.has(String(r)))).toEqual([]);
  });

  it('uses every engine, with global, User-linked, Operation-linked and mixed-link policies', () => {
    const engines = new Set(policies.map((p) => p.engine));
    expect([...engines].sort()).toEqual(['allow', 'complex', 'json-schema', 'matcho', 'sql']);
    expect(policies.some((p) => p.engine === 'complex' && Array.isArray(p.and))).toBe(true);
    expect(policies.some((p) => p.engine === 'complex' && Array.isArray(p.or))).toBe(true);
    expect(policies.filter((p) => refs(p).length === 0).length).toBeGreaterThanOrEqual(2);
    expect(policies.some((p) => refs(p).some((r) => r.startsWith('User/')))).toBe(true);
    expect(policies.some((p) => refs(p).every((r) => r.startsWith('Operation/')) && refs(p).length)).toBe(
      true,
    );
    const mixed = policies.find((p) => p.id === MIXED_LINK_POLICY_ID);
    expect(refs(mixed ?? { resourceType: 'x', id: 'x' }).map((r) => r.split('/')[0])).toEqual([
      'Client',
      'Operation',
    ]);
    for (const p of policies) expect(typeof p.description, p.id).toBe('string');
    // SQL policies must use parameters, never concatenated values.
    for (const p of policies.filter((x) => x.engine === 'sql')) {
      expect(String(rec(p.sql).query)).toMatch(/\{\{[^}]+\}\}/);
    }
  });

  it('contains every risky configuration the security review looks for', () => {
    const risky = (id: keyof typeof RISKY_CLIENTS) => byId.get(id) ?? { resourceType: 'Client', id };
    expect(grants(risky('legacy-spa-implicit'))).toContain('implicit');
    expect(grants(risky('legacy-kiosk'))).toContain('password');
    expect(redirects(risky('intranet-dashboard'))[0]).toMatch(/^http:\/\/(?!127\.0\.0\.1|localhost)/);
    expect(redirects(risky('partner-referral-app'))[0]).toContain('*');
    expect(flows(risky('scheduling-widget'))[0]).toMatchObject({ pkce: false, secret_required: false });
    const eternal = flows(risky('research-export-tool'))[0];
    expect(eternal?.refresh_token).toBe(true);
    expect(eternal?.refresh_token_expiration).toBeUndefined();
    expect(flows(risky('fax-gateway'))[0]?.access_token_expiration).toBeGreaterThanOrEqual(30 * 86_400);
    expect(rec(risky('claims-adjudicator').details).secretRotatedAt).toBeUndefined();
    expect(daysSince(rec(risky('pharmacy-connector').details).secretRotatedAt)).toBeGreaterThan(730);
    expect(policiesOf('orphan-integration')).toEqual([]);
    expect(policiesOf('ops-superuser-script').map((p) => p.id)).toEqual([...ALLOW_ALL_POLICY_IDS]);
    expect(risky('retired-telehealth').active).toBe(false);
    expect(policiesOf('retired-telehealth').length).toBeGreaterThan(0);
    expect(risky('decommissioned-fax').active).toBe(false);
    for (const id of Object.keys(RISKY_CLIENTS)) expect(byId.has(id), id).toBe(true);
  });

  it('every demo Client but the deliberate orphans is linked to a policy', () => {
    const unlinked = clients.map((c) => c.id).filter((id) => !linkedClients.has(`Client/${id}`));
    expect(unlinked.sort()).toEqual(['decommissioned-fax', 'orphan-integration']);
  });

  it('covers the special kinds of Client', () => {
    const has = (pred: (c: Resource) => boolean) => clients.some(pred);
    expect(has((c) => c.type === 'smart-app')).toBe(true);
    expect(has((c) => c.type === 'bulk-api-client')).toBe(true);
    expect(has((c) => Array.isArray(c.allowedIssuers) && c.allowedIssuers.length > 0)).toBe(true);
    expect(has((c) => typeof c.jwks_uri === 'string')).toBe(true);
    expect(has((c) => c._secret !== undefined && c.secret === undefined)).toBe(true);
    expect(has((c) => Array.isArray(c.extension))).toBe(true);
    expect(redirects(byId.get('patient-mobile') ?? clients[0]!)[0]).toMatch(/^com\.[a-z.]+:\//);
    expect(redirects(byId.get('playground-demo') ?? clients[0]!)).toEqual([
      'http://localhost:4173/playground/callback',
    ]);
    expect(byId.get('playground-demo')).toMatchObject({
      first_party: false,
      grant_types: ['authorization_code', 'refresh_token'],
    });
  });

  it('gives confidential Clients strong secrets and exports only a few known ones', () => {
    for (const c of clients.filter((x) => typeof x.secret === 'string')) {
      expect(String(c.secret).length, c.id).toBeGreaterThanOrEqual(32);
    }
    for (const [id, secret] of Object.entries(DEMO_SECRETS)) {
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(byId.get(id)?.secret, id).toBe(secret);
    }
    expect(grants(byId.get('demo-backend') ?? clients[0]!)).toEqual(['client_credentials', 'basic']);
    // Random secrets differ between two generations: nothing else is recoverable.
    expect(demoClients(env).find((c) => c.id === 'billing-service')?.secret).not.toBe(
      byId.get('billing-service')?.secret,
    );
  });

  it('has the demo users with their known passwords, one of them inactive', () => {
    const users = demoUsers();
    expect(users.map((u) => u.id).sort()).toEqual(Object.keys(DEMO_USER_PASSWORDS).sort());
    for (const u of users)
      expect(u.password).toBe(DEMO_USER_PASSWORDS[u.id as keyof typeof DEMO_USER_PASSWORDS]);
    expect(users.filter((u) => u.inactive === true).map((u) => u.id)).toEqual(['former-contractor']);
  });
});
