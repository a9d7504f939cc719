import { describe, expect, it } from 'vitest';
import { isHashed } from '../auth/secrets.ts';
import { validateResource } from '../validate/resource.ts';
import { createFakeStore } from '../testing/fake-store.ts';
import { seedScale } from './index.ts';
import { scaleResources } from './scale.ts';
import { testContext } from '../testing/test-context.ts';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null ? (v as Rec) : {});
const data = scaleResources({ clients: 3000, policies: 600 });

describe('scale generator', () => {
  it('is deterministic apart from secrets', () => {
    const strip = (xs: Rec[]) => xs.map(({ secret: _s, ...rest }) => rest);
    const again = scaleResources({ clients: 3000, policies: 600 });
    expect(strip(again.clients)).toEqual(strip(data.clients));
    expect(again.policies).toEqual(data.policies);
    expect(strip(scaleResources({ clients: 50, policies: 5, seed: 7 }).clients)).not.toEqual(
      strip(data.clients.slice(0, 50)),
    );
  });

  it('makes unique, zero-padded ids and valid resources', () => {
    expect(data.clients[42]?.id).toBe('scale-client-00042');
    expect(data.policies[7]?.id).toBe('scale-policy-0007');
    expect(new Set(data.clients.map((c) => c.id)).size).toBe(3000);
    for (const c of data.clients) validateResource('Client', c);
    for (const p of data.policies) validateResource('AccessPolicy', p);
  });

  it('has realistic variety: grant mixes, ~10% risky, every engine, ~5% global, 0–30 links', () => {
    const grants = new Set(data.clients.map((c) => JSON.stringify(c.grant_types)));
    expect(grants.size).toBeGreaterThanOrEqual(4);
    const risky = data.clients.filter((c) => {
      const flows = Object.values(rec(c.auth)).map(rec);
      return (
        c.active === false ||
        ['implicit', 'password'].some((g) => (c.grant_types as string[]).includes(g)) ||
        flows.some(
          (f) =>
            f.pkce === false ||
            String(f.redirect_uri).startsWith('http:') ||
            (f.refresh_token === true && f.refresh_token_expiration === undefined) ||
            Number(f.access_token_expiration) >= 2_592_000,
        )
      );
    });
    expect(risky.length / 3000).toBeGreaterThan(0.06);
    expect(risky.length / 3000).toBeLessThan(0.14);

    expect(new Set(data.policies.map((p) => p.engine))).toEqual(
      new Set(['allow', 'matcho', 'json-schema', 'sql', 'complex']),
    );
    const global = data.policies.filter((p) => p.link === undefined).length / 600;
    expect(global).toBeGreaterThan(0.02);
    expect(global).toBeLessThan(0.09);
    const ids = new Set(data.clients.map((c) => `Client/${c.id}`));
    for (const p of data.policies) {
      const refs = (Array.isArray(p.link) ? p.link : []).map((l) => String(rec(l).reference));
      const clientRefs = refs.filter((r) => r.startsWith('Client/'));
      expect(clientRefs.length).toBeLessThanOrEqual(30);
      expect(new Set(clientRefs).size).toBe(clientRefs.length);
      for (const r of clientRefs) expect(ids.has(r), r).toBe(true);
      for (const r of refs.filter((x) => !x.startsWith('Client/'))) expect(r).toMatch(/^Operation\/Fhir/);
    }
  });

  it('generates 10,000 Clients and 1,000 policies quickly', () => {
    const t = performance.now();
    const big = scaleResources({ clients: 10_000, policies: 1_000 });
    expect(big.clients).toHaveLength(10_000);
    expect(big.policies).toHaveLength(1_000);
    // Generation must stay negligible next to the database writes (generous bound for CI noise).
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});

describe('seedScale', () => {
  it('writes the same resources through a bulk-capable store in two calls, or one by one otherwise', async () => {
    const plain = createFakeStore();
    const bulk = createFakeStore({ bulk: true });
    await seedScale(testContext(plain), { clients: 120, policies: 15 });
    await seedScale(testContext(bulk), { clients: 120, policies: 15 });
    expect(bulk.bulkCalls).toBe(2);
    const ids = async (s: typeof plain) =>
      [...(await s.list('Client')), ...(await s.list('AccessPolicy'))].map((r) => r.id).sort();
    expect(await ids(bulk)).toEqual(await ids(plain));
    expect(await ids(plain)).toHaveLength(135);
    const secrets = (await bulk.list('Client')).map((c) => c.secret).filter((x) => x !== undefined);
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(isHashed(secret)).toBe(true);
  });
});
