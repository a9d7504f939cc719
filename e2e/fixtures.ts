// Every spec imports `test` and `expect` from here. Each test gets, for free:
// - a CSP-violation recorder (any violation fails the test),
// - a token-leak check after the test: no access/refresh/id token seen on the wire may appear in
//   localStorage, sessionStorage, IndexedDB or cookies,
// - `seed` to create resources through the API with automatic clean-up,
// - `cleanup(type, id)` to delete, after the test, what the test created through the UI,
// - `axe(page)` to fail on serious or critical accessibility findings.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createResource, deleteResource, type FhirResource } from './api.ts';
import { E2E } from './env.ts';

interface Fixtures {
  seed: (resource: FhirResource) => Promise<FhirResource>;
  cleanup: (type: string, id: string) => void;
  /** Serious/critical findings fail; `rules` runs only those (e.g. `color-contrast` for a second theme). */
  axe: (page: Page, rules?: string[]) => Promise<void>;
  tokens: Set<string>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  tokens: async ({}, use) => {
    await use(new Set<string>());
  },
  page: async ({ page, tokens }, use, testInfo) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|Trusted Type/i.test(text)) violations.push(text);
    });
    page.on('response', async (res) => {
      if (!res.url().startsWith(`${E2E.devboxUrl}/auth/token`) || res.request().method() !== 'POST') return;
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      for (const k of ['access_token', 'refresh_token', 'id_token']) {
        if (typeof body[k] === 'string') tokens.add(body[k]);
      }
    });
    await use(page);
    if (!page.isClosed()) await expectNoStoredTokens(page, tokens);
    expect(violations, `CSP violations in "${testInfo.title}"`).toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  seed: async ({}, use) => {
    const created: FhirResource[] = [];
    await use(async (resource) => {
      const r = await createResource(resource);
      created.push(r);
      return r;
    });
    for (const r of created.reverse()) await deleteResource(r.resourceType, r.id);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  cleanup: async ({}, use) => {
    const later: [string, string][] = [];
    await use((type, id) => void later.push([type, id]));
    for (const [type, id] of later.reverse()) await deleteResource(type, id);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  axe: async ({}, use) => {
    await use(async (page, rules) => {
      const builder = new AxeBuilder({ page });
      const results = await (rules ? builder.withRules(rules) : builder).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    });
  },
});

export { expect };

/** Reads every browser store of the console origin and fails if any seen token is inside. */
async function expectNoStoredTokens(page: Page, tokens: Set<string>) {
  if (!page.url().startsWith(E2E.consoleUrl)) return;
  const dump = await page.evaluate(async () => {
    const parts: string[] = [];
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i) ?? '';
        parts.push(k, s.getItem(k) ?? '');
      }
    }
    parts.push(document.cookie);
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    parts.push(...dbs.map((d) => d.name ?? ''));
    return parts.join('\n');
  });
  const cookies = (await page.context().cookies()).map((c) => c.value).join('\n');
  const all = dump + '\n' + cookies;
  for (const t of tokens) expect(all.includes(t), 'a token was found in browser storage').toBe(false);
  expect(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(dump), 'a JWT-shaped value is in browser storage').toBe(false);
}

/** Signs in through devbox's real login page as the seeded admin. */
export async function signIn(page: Page, path = '/') {
  await page.goto(path);
  await page.getByLabel(/user ?name|login/i).fill('admin');
  await page.getByLabel(/password/i).fill(E2E.adminPassword);
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  await page.waitForURL(
    (u) => u.toString().startsWith(E2E.consoleUrl) && !u.pathname.startsWith('/callback'),
  );
}
