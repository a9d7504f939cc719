// Issue 12's SMART backend-service journey, end to end against devbox (strict reading): create the
// service with a key generated in the browser (its private JWK arrives as a download), get a token
// with that key in the playground, rotate the key without downtime (the old key works until it is
// removed, then it is refused; the new one works throughout), and show that no private key, in any
// encoding, was in a request, a console message, browser storage or the page once it was downloaded.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { importJWK, SignJWT, type JWK } from 'jose';
import { uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const TOKEN_ENDPOINT = `${E2E.devboxUrl}/auth/token`;

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile(await file.path(), 'utf8');
}

/** A client_credentials request as the service sends it: an assertion signed in Node with `jwk`. */
async function tokenWith(clientId: string, jwk: JWK): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: String(jwk.kid) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(TOKEN_ENDPOINT)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(await importJWK(jwk, 'RS384'));
  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  await res.body?.cancel();
  return res.status;
}

/** Every form a private key could leak in: its members as base64url, base64 and hex, and PEM lines. */
function leakForms(jwk: JWK, pem?: string): string[] {
  const forms: string[] = [];
  for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) {
    const v = jwk[m];
    if (typeof v !== 'string') continue;
    const bytes = Buffer.from(v, 'base64url');
    forms.push(v, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('hex'));
  }
  if (pem) {
    const lines = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    // The body whole, and its last full lines (the CRT members, private; the first lines hold n).
    forms.push(lines.join(''), ...lines.slice(-4, -1));
  }
  return forms;
}

/** Everything the console origin keeps: both storages and every IndexedDB record. */
function browserStores(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const s of [localStorage, sessionStorage])
      for (let i = 0; i < s.length; i++) parts.push(s.key(i) ?? '', s.getItem(s.key(i) ?? '') ?? '');
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(new Error(`IndexedDB ${info.name} did not open`));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = db.transaction(store).objectStore(store).getAll();
        parts.push(await new Promise<string>((ok) => (all.onsuccess = () => ok(JSON.stringify(all.result)))));
      }
      db.close();
    }
    return parts.join('\n');
  });
}

test('SMART backend service: create with a browser key, get a token, rotate without downtime, no key leaks', async ({
  page,
  cleanup,
  axe,
}) => {
  const id = uniqueId('smart-journey');
  const sent: string[] = [];
  const logged: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}`));
  page.on('console', (m) => logged.push(m.text()));

  // 1. Create the backend service with a key generated in the browser.
  await signIn(page, '/clients/new?kind=smart-backend');
  await page.getByLabel('Client id').fill(id);
  cleanup('Client', id);
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const firstJwk = JSON.parse(
    await downloaded(page, () => page.getByRole('button', { name: /Download private JWK/ }).click()),
  ) as JWK;
  const firstPem = await downloaded(page, () => page.getByRole('button', { name: /Download PEM/ }).click());
  expect(firstJwk.d).toEqual(expect.any(String));
  // Both files saved: the one-time panel has dropped the key, so the page no longer holds it.
  await expect(page.getByText('Download the private key now')).toBeHidden();
  const html = await page.content();
  expect(leakForms(firstJwk, firstPem).filter((f) => html.includes(f))).toEqual([]);
  await page.getByRole('button', { name: 'Create Client' }).click();
  await page.waitForURL(`**/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id);

  // 2. The playground's backend-services flow gets a token with the downloaded key.
  await page.goto(`/playground?client=${id}&flow=backend_services&scope=system/Patient.rs`);
  await page.getByLabel('Private key').fill(JSON.stringify(firstJwk));
  await page.getByRole('button', { name: 'Get token with key' }).click();
  const exchange = page.getByRole('region', { name: 'Token request (client_credentials, signed assertion)' });
  await expect(exchange.getByText('HTTP 200', { exact: true })).toBeVisible();

  // 3. Rotate: the new key beside the old one, proven by the console, then the old one removed.
  await page.goto(`/clients/${id}/rotate-keys`);
  await page.getByRole('button', { name: 'Continue: add the new key' }).click();
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const nextJwk = JSON.parse(
    await downloaded(page, () => page.getByRole('button', { name: /Download private JWK/ }).click()),
  ) as JWK;
  await page.getByRole('button', { name: 'Done: forget the private key' }).click();
  await page.getByRole('button', { name: 'Add the new key' }).click();
  await expect(page.getByText('The new key works.')).toBeVisible();
  // No downtime: while both are registered, both keys get tokens.
  expect(await tokenWith(id, firstJwk)).toBe(200);
  expect(await tokenWith(id, nextJwk)).toBe(200);

  await page.getByRole('button', { name: 'Continue: remove the old key' }).click();
  await axe(page);
  await page.getByLabel(/Type the client id/).fill(id);
  await page.getByRole('button', { name: 'Remove the old key now' }).click();
  await expect(page.getByText('The old key no longer appears.')).toBeVisible();
  expect(await tokenWith(id, firstJwk)).toBe(401);
  expect(await tokenWith(id, nextJwk)).toBe(200);

  // 4. No private key anywhere: the page has been left, the requests, the console, the storage.
  await page.getByRole('link', { name: 'Back to the Client' }).first().click();
  await page.waitForURL(`**/clients/${id}`);
  const dom = await page.content();
  const stores = await browserStores(page);
  const forms = [...leakForms(firstJwk, firstPem), ...leakForms(nextJwk)];
  // The recorder saw the bodies: the public halves went out in the create and the rotation's PATCH.
  expect(sent.join('\n')).toContain(String(firstJwk.n));
  expect(sent.join('\n')).toContain(String(nextJwk.n));
  expect(forms.length).toBeGreaterThan(20);
  for (const [where, text] of [
    ['a request', sent.join('\n')],
    ['the console', logged.join('\n')],
    ['browser storage', stores],
    ['the page', dom],
  ] as const) {
    expect(
      forms.filter((f) => text.includes(f)),
      `private key material in ${where}`,
    ).toEqual([]);
  }
});
