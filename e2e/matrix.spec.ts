// The policy matrix's editing journeys against a real devbox: mouse and keyboard staging, one
// transaction apply, a second writer between staging and apply, and a transaction that fails.
import type { Page } from '@playwright/test';
import { fhir, readResource, uniqueId, type FhirResource } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

type Seed = (resource: FhirResource) => Promise<FhirResource>;

interface World {
  prefix: string;
  clients: [string, string, string];
  policies: [string, string];
}

/** Three Clients and two policies with one shared prefix, so the matrix can be filtered to them. */
async function world(seed: Seed): Promise<World> {
  const prefix = uniqueId('mx');
  const clients = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`] as [string, string, string];
  for (const id of clients) {
    await seed({
      resourceType: 'Client',
      id,
      name: `Matrix ${id.slice(-1)}`,
      grant_types: ['client_credentials'],
    });
  }
  const policies = [`${prefix}-p1`, `${prefix}-p2`] as [string, string];
  await seed({
    resourceType: 'AccessPolicy',
    id: policies[0],
    engine: 'matcho',
    description: 'e2e: read only',
    matcho: { 'request-method': 'get' },
    link: [{ reference: `Client/${clients[0]}` }, { reference: `Client/${clients[2]}` }],
  });
  await seed({
    resourceType: 'AccessPolicy',
    id: policies[1],
    engine: 'allow',
    description: 'e2e: second policy',
    link: [{ reference: `Client/${clients[1]}` }],
  });
  return { prefix, clients, policies };
}

const matrixUrl = (w: World) => `/policies/matrix?client=${w.prefix}&policy=${w.prefix}`;

function cell(page: Page, client: string, policy: string, state: string) {
  return page.getByRole('gridcell', { name: `Client ${client} — policy ${policy} — ${state}`, exact: true });
}

async function clientLinks(policyId: string): Promise<string[]> {
  const p = await readResource('AccessPolicy', policyId);
  // Either form: `{reference}` (strict reading) or Aidbox's `{resourceType, id}` (alternate).
  const links = (p?.link ?? []) as { reference?: string; resourceType?: string; id?: string }[];
  return links.map((l) => l.reference ?? `${l.resourceType ?? ''}/${l.id ?? ''}`).sort();
}

test('link and unlink with the mouse, undo in the tray, apply in one transaction', async ({ page, seed }) => {
  const w = await world(seed);
  const [a, b] = w.clients;
  const [p1] = w.policies;
  await signIn(page, matrixUrl(w));
  const grid = page.getByRole('grid', { name: 'Clients × AccessPolicies' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(grid).toHaveAttribute('aria-colcount', '4');
  await expect(page.getByText('Showing 3 of')).toBeVisible();

  await cell(page, b, p1, 'not linked').click();
  await cell(page, a, p1, 'linked').click();
  await expect(cell(page, b, p1, 'linked — pending')).toBeVisible();
  await expect(cell(page, a, p1, 'not linked — pending')).toBeVisible();
  const tray = page.getByRole('complementary', { name: /Pending changes/ });
  await expect(tray.getByRole('heading')).toHaveText('Pending changes 2');

  // Undo one change in the tray, then stage it again from the grid.
  await tray.getByRole('button', { name: `Undo unlink ${a} from ${p1}` }).click();
  await expect(cell(page, a, p1, 'linked')).toBeVisible();
  await cell(page, a, p1, 'linked').click();

  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/fhir')) posts.push(r.postData() ?? '');
  });
  await tray.getByRole('button', { name: 'Apply 2 changes' }).click();
  // The unlink confirms with its impact first (e2e/destructive-actions.spec.ts covers its content).
  await page
    .getByRole('dialog', { name: 'Remove these links?' })
    .getByRole('button', { name: 'Apply and remove access' })
    .click();
  await expect(page.getByText('Applied 2 changes to 1 policy.')).toBeVisible();
  expect(posts).toHaveLength(1);
  const bundle = JSON.parse(posts[0] ?? '{}') as { type: string; entry: { request: { ifMatch?: string } }[] };
  expect(bundle.type).toBe('transaction');
  expect(bundle.entry[0]?.request.ifMatch).toMatch(/^W\/"\d+"$/);
  expect(await clientLinks(p1)).toEqual([`Client/${b}`, `Client/${w.clients[2]}`].sort());
  await expect(cell(page, b, p1, 'linked')).toBeVisible();
  await expect(cell(page, a, p1, 'not linked')).toBeVisible();
  await expect(tray.getByRole('heading')).toHaveText('Pending changes 0');
});

test('keyboard only: move with arrows, Home/End, Page keys, stage with Space, apply', async ({
  page,
  seed,
}) => {
  const w = await world(seed);
  const [a, b, c] = w.clients;
  const [p1, p2] = w.policies;
  await signIn(page, matrixUrl(w));
  await expect(cell(page, a, p1, 'linked')).toBeVisible();

  // Tab into the grid: exactly one cell of it is a tab stop.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inGrid = await page.evaluate(() => document.activeElement?.closest('[role="grid"]') !== null);
    if (inGrid) break;
  }
  await expect(cell(page, a, p1, 'linked')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, a, p2, 'not linked')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(cell(page, a, p2, 'linked — pending')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space'); // b is linked to p2: unlink
  await expect(cell(page, b, p2, 'not linked — pending')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('rowheader', { name: new RegExp(b) })).toBeFocused();
  await page.keyboard.press('End');
  await expect(cell(page, b, p2, 'not linked — pending')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(cell(page, c, p2, 'not linked')).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(page.getByRole('columnheader', { name: 'Client' })).toBeFocused();
  await page.keyboard.press('Control+End');
  await expect(cell(page, c, p2, 'not linked')).toBeFocused();
  // Space twice on the same cell stages and unstages it.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(cell(page, c, p2, 'not linked')).toBeFocused();

  // Tab leaves the grid for the tray; Enter applies.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Apply 2 changes' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The unlink's confirmation opens on Cancel; Tab reaches its confirm button.
  const confirm = page.getByRole('dialog', { name: 'Remove these links?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Apply and remove access' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Applied 2 changes to 1 policy.')).toBeVisible();
  expect(await clientLinks(p2)).toEqual([`Client/${a}`]);
});

test('a second writer between staging and apply: both changes survive @alternate', async ({ page, seed }) => {
  const w = await world(seed);
  const [a, b, c] = w.clients;
  const [p1] = w.policies;
  await signIn(page, matrixUrl(w));
  // I link b to p1 …
  await cell(page, b, p1, 'not linked').click();
  // … while someone else unlinks c from p1.
  const current = await readResource('AccessPolicy', p1);
  const theirs = await fhir(
    'PUT',
    `AccessPolicy/${p1}`,
    { ...current, link: [{ reference: `Client/${a}` }] },
    { 'If-Match': `W/"${current?.meta?.versionId ?? ''}"` },
  );
  expect(theirs.status).toBe(200);

  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Someone else changed these policies' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`They unlinked: −${c}`);
  await expect(dialog).toContainText(`Yours, re-applied: +${b}`);
  await dialog.getByRole('button', { name: 'Apply re-based changes' }).click();
  await expect(page.getByText('Applied 1 change to 1 policy.')).toBeVisible();
  expect(await clientLinks(p1)).toEqual([`Client/${a}`, `Client/${b}`].sort());
  await expect(cell(page, c, p1, 'not linked')).toBeVisible();
});

test('a failing transaction leaves every policy as it was and says so', async ({ page, seed }) => {
  const w = await world(seed);
  const [a, b, c] = w.clients;
  const [p1, p2] = w.policies;
  await signIn(page, matrixUrl(w));
  await cell(page, b, p1, 'not linked').click();
  await cell(page, c, p2, 'not linked').click();
  const before = [await readResource('AccessPolicy', p1), await readResource('AccessPolicy', p2)];

  // Make the last entry invalid on its way out: devbox must roll back the first one too.
  await page.route('**/fhir', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const bundle = JSON.parse(route.request().postData() ?? '{}') as {
      entry: { resource: { link?: unknown[] } }[];
    };
    const last = bundle.entry[bundle.entry.length - 1];
    if (last) last.resource.link = [{ reference: 'Nonsense/x' }];
    await route.continue({ postData: JSON.stringify(bundle) });
  });
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  const alert = page.getByRole('complementary', { name: /Pending changes/ }).getByRole('alert');
  await expect(alert).toContainText('Nothing was changed');
  await expect(alert).toContainText('Your pending changes are kept.');
  const after = [await readResource('AccessPolicy', p1), await readResource('AccessPolicy', p2)];
  expect(after.map((p) => p?.meta?.versionId)).toEqual(before.map((p) => p?.meta?.versionId));
  expect(await clientLinks(p1)).toEqual([`Client/${a}`, `Client/${c}`].sort());
  await expect(page.getByRole('button', { name: 'Apply 2 changes' })).toBeVisible();
  await page.unroute('**/fhir');

  // A policy deleted after staging: the conflict view says its change is dropped.
  await fhir('DELETE', `AccessPolicy/${p2}`);
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Someone else changed these policies' });
  await expect(dialog).toContainText(`${p2} was deleted by someone else`);
  await dialog.getByRole('button', { name: 'Apply re-based changes' }).click();
  await expect(page.getByText('Applied 1 change to 1 policy.')).toBeVisible();
  expect(await clientLinks(p1)).toEqual([`Client/${a}`, `Client/${b}`, `Client/${c}`].sort());
});
