// Seeding against the real PGlite store and over real HTTP: demo data loads, its known
// credentials work, policies decide as their descriptions say, and --scale data loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/secrets.ts';
import { basicAuth, startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { apiFor } from '../testing/http.ts';
import { DEMO_SECRETS, DEMO_USER_PASSWORDS } from '../seed/demo-secrets.ts';
import { demoClients, demoPolicies } from '../seed/demo.ts';
import { smartDemoResources } from '../seed/demo-smart.ts';

// Seeded beside demoResources because their key pair is generated at seed time.
const smart = smartDemoResources({});
const smartOf = (t: string) => smart.filter((r) => r.resourceType === t).length;
import { seedScale } from '../seed/index.ts';

let box: TestDevbox;

/** A password-grant token request for a demo user through the demo password-grant Client. */
function passwordToken(username: keyof typeof DEMO_USER_PASSWORDS) {
  return fetch(`${box.url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'password',
      client_id: 'legacy-kiosk',
      client_secret: DEMO_SECRETS['legacy-kiosk'],
      username,
      password: DEMO_USER_PASSWORDS[username],
    }),
  });
}
beforeAll(async () => {
  box = await startTestDevbox({ seed: 'demo', consoleUrl: 'http://localhost:4173' });
});
afterAll(async () => {
  await box.stop();
});

describe('demo seed in a fresh devbox', () => {
  it('stores every demo Client and policy next to the bootstrap ones', async () => {
    const api = apiFor(box.url, box.rootBasic);
    const env = { consoleUrl: 'http://localhost:4173', now: Date.now() };
    const clients = await api<{ total: number }>('GET', '/fhir/Client?_count=1');
    expect(clients.body.total).toBe(demoClients(env).length + smartOf('Client') + 2); // + root, aidbox-console
    const policies = await api<{ total: number }>('GET', '/fhir/AccessPolicy?_count=1');
    expect(policies.body.total).toBe(demoPolicies().length + smartOf('AccessPolicy') + 2); // + root-allow-all, aidbox-console-admin
    const consoleClient = await api('GET', '/fhir/Client/aidbox-console');
    expect(consoleClient.body.auth).toMatchObject({
      authorization_code: { redirect_uri: 'http://localhost:4173/callback' },
    });
    const playground = await api('GET', '/fhir/Client/playground-demo');
    expect(playground.body.auth).toMatchObject({
      authorization_code: { redirect_uri: 'http://localhost:4173/playground/callback' },
    });
  });

  it('records past Sessions for some Clients and none for the orphan', async () => {
    const api = apiFor(box.url, box.rootBasic);
    const used = await api<{ total: number }>('GET', '/fhir/Session?client=ehr-integration');
    expect(used.body.total).toBeGreaterThanOrEqual(1);
    const orphan = await api<{ total: number }>('GET', '/fhir/Session?client=orphan-integration');
    expect(orphan.body.total).toBe(0);
  });

  it('never stores a plaintext demo secret or password', async () => {
    const api = apiFor(box.url, box.rootBasic);
    const backend = await api('GET', '/fhir/Client/demo-backend');
    expect(backend.body.secret).not.toBe(DEMO_SECRETS['demo-backend']);
    const user = await box.ctx.store.read('User', 'dr-smith');
    expect(user?.password).not.toBe(DEMO_USER_PASSWORDS['dr-smith']);
    expect(verifyPassword(DEMO_USER_PASSWORDS['dr-smith'], user?.password)).toBe(true);
  });

  it('lets demo-backend do what its policy allows and nothing more', async () => {
    const asBackend = apiFor(box.url, basicAuth('demo-backend', DEMO_SECRETS['demo-backend']));
    expect((await asBackend('GET', '/fhir/Client/orphan-integration')).status).toBe(200);
    expect((await asBackend('DELETE', '/fhir/Client/orphan-integration')).status).toBe(403);
    const wrong = apiFor(box.url, basicAuth('demo-backend', 'not-the-secret'));
    expect((await wrong('GET', '/fhir/Client/orphan-integration')).status).toBe(401);
  });

  it('lets the security reviewer read but not change configuration', async () => {
    const token = await passwordToken('reviewer');
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const asReviewer = apiFor(box.url, `Bearer ${access_token}`);
    expect((await asReviewer('GET', '/fhir/AccessPolicy/ops-allow-all')).status).toBe(200);
    expect((await asReviewer('DELETE', '/fhir/AccessPolicy/ops-allow-all')).status).toBe(403);
  });

  it('refuses the inactive demo user', async () => {
    const res = await passwordToken('former-contractor');
    expect(res.status).toBe(400);
  });

  // Checked through the store, not HTTP: a keep-alive socket left idle during the long seed can be
  // reset by the server just as the next fetch reuses it, which would make this test flaky.
  it('adds scale data on top (2,000 Clients, 500 policies)', { timeout: 120_000 }, async () => {
    const { store } = box.ctx;
    await seedScale(box.ctx, { clients: 2000, policies: 500 });
    const found = await store.search('Client', new URLSearchParams('_ilike=scale-client-0199&_count=1'));
    expect(found.total).toBe(10); // scale-client-01990 … 01999
    const policies = await store.search('AccessPolicy', new URLSearchParams('_count=1'));
    expect(policies.total).toBe(demoPolicies().length + smartOf('AccessPolicy') + 2 + 500);
  });
});
