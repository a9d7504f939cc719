// Destructive actions confirm with their impact (issue 14 §6): unlinking a Client from a policy in
// the matrix and on the Client page (what the Client can no longer do, Cancel, Undo), and revoking
// a Client's Sessions after a rotation (which users sign in again, the application's own tokens).
import type { Locator, Page } from '@playwright/test';
import { E2E } from './env.ts';
import { clientCredentialsToken, fhir, readResource, uniqueId, type FhirResource } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

type Seed = (resource: FhirResource) => Promise<FhirResource>;

/** Two Clients and a policy that lets them read Observations, and nothing else. */
async function world(seed: Seed) {
  const prefix = uniqueId('dx');
  const [a, b, policy] = [`${prefix}-a`, `${prefix}-b`, `${prefix}-obs`];
  for (const id of [a, b]) await seed({ resourceType: 'Client', id, grant_types: ['client_credentials'] });
  await seed({
    resourceType: 'AccessPolicy',
    id: policy,
    engine: 'matcho',
    description: 'e2e: reads Observations',
    matcho: { 'request-method': 'get', params: { 'resource/type': 'Observation' } },
    // Two Clients, so unlinking one never leaves the policy without links (global).
    link: [{ reference: `Client/${a}` }, { reference: `Client/${b}` }],
  });
  return { prefix, a, b, policy };
}

async function linkedClients(policyId: string): Promise<string[]> {
  const p = await readResource('AccessPolicy', policyId);
  const links = (p?.link ?? []) as { reference?: string; resourceType?: string; id?: string }[];
  return links.map((l) => l.reference ?? `${l.resourceType ?? ''}/${l.id ?? ''}`).sort();
}

/**
 * The requests the unlinked policy granted: lost for certain, or, where a policy only Aidbox decides
 * applies (the demo data has a global sql policy), listed as ones only Aidbox can decide.
 */
function lostRequests(scope: Locator) {
  return scope
    .getByRole('list', { name: /^Requests (it can no longer make|only Aidbox can decide)$/ })
    .getByRole('listitem');
}

function cell(page: Page, client: string, policy: string, state: string) {
  return page.getByRole('gridcell', { name: `Client ${client} — policy ${policy} — ${state}`, exact: true });
}

test('a matrix unlink confirms with what the Client loses; Cancel keeps it staged @alternate', async ({
  page,
  seed,
  axe,
}) => {
  const w = await world(seed);
  await signIn(page, `/policies/matrix?client=${w.prefix}&policy=${w.prefix}`);
  await cell(page, w.a, w.policy, 'linked').click();
  await page.getByRole('button', { name: 'Apply 1 change' }).click();

  const dialog = page.getByRole('dialog', { name: 'Remove these links?' });
  const loss = dialog.getByRole('group', { name: `What ${w.a} loses` });
  await expect(loss).toContainText(`${w.a} is unlinked from ${w.policy}`);
  await expect(loss).toContainText('e2e: reads Observations');
  await expect(lostRequests(loss)).toHaveText('read, search: Observation');
  await expect(loss).toContainText('No other policy links it');
  await expect(dialog).toContainText('Evaluated by the console from the policy text');
  await axe(page);

  // Cancel: nothing written, the unlink stays staged.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(page, w.a, w.policy, 'not linked — pending')).toBeVisible();
  expect(await linkedClients(w.policy)).toEqual([`Client/${w.a}`, `Client/${w.b}`].sort());

  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await dialog.getByRole('button', { name: 'Apply and remove access' }).click();
  await expect(page.getByText('Applied 1 change to 1 policy.')).toBeVisible();
  expect(await linkedClients(w.policy)).toEqual([`Client/${w.b}`]);
});

test('unlinking on the Client page names the policy and the access lost, with Cancel and Undo', async ({
  page,
  seed,
  axe,
}) => {
  const w = await world(seed);
  await signIn(page, `/clients/${w.a}`);
  const panel = page.getByRole('group', { name: 'AccessPolicies' });
  await panel.getByRole('button', { name: `Unlink ${w.policy}` }).click();

  const dialog = page.getByRole('dialog', { name: `Unlink ${w.policy} from this Client?` });
  await expect(dialog).toContainText(`${w.a} stops getting what ${w.policy} grants it`);
  await expect(lostRequests(dialog)).toHaveText('read, search: Observation');
  await axe(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await linkedClients(w.policy)).toContain(`Client/${w.a}`);

  await panel.getByRole('button', { name: `Unlink ${w.policy}` }).click();
  await dialog.getByRole('button', { name: 'Unlink', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText(`Unlinked from ${w.policy}.`);
  expect(await linkedClients(w.policy)).toEqual([`Client/${w.b}`]);

  // Undo links it again.
  await panel.getByRole('button', { name: `Undo: link ${w.policy} again` }).click();
  await expect(panel.getByRole('status')).toHaveText(`Linked to ${w.policy}.`);
  await expect(panel.getByRole('link', { name: w.policy })).toBeVisible();
  expect(await linkedClients(w.policy)).toEqual([`Client/${w.a}`, `Client/${w.b}`].sort());
});

const OLD = 'old-Xr8vT2xK9pL4wN8zR3yB6cF1hJ5dG0sQ';

async function passwordToken(clientId: string, username: string, password: string) {
  const res = await fetch(`${E2E.devboxUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      client_secret: OLD,
      username,
      password,
    }),
  });
  return res.status;
}

async function liveSessions(clientId: string): Promise<number> {
  const r = await fhir('GET', `Session?client=${clientId}`);
  const entries = (r.json as { entry?: { resource: { active?: boolean; end?: string } }[] }).entry ?? [];
  return entries.filter((e) => e.resource.active !== false && !e.resource.end).length;
}

test('revoking Sessions after a rotation says which users sign in again; Cancel revokes nothing', async ({
  page,
  seed,
  axe,
}) => {
  const id = uniqueId('dx-revoke');
  const user = uniqueId('dx-user');
  await seed({ resourceType: 'User', id: user, password: 'dx-user-pass-1' });
  await seed({
    resourceType: 'Client',
    id,
    secret: OLD,
    grant_types: ['client_credentials', 'password'],
  });
  // One signed-in user and the application itself hold tokens.
  expect(await passwordToken(id, user, 'dx-user-pass-1')).toBe(200);
  expect((await clientCredentialsToken(id, OLD)).status).toBe(200);
  expect(await liveSessions(id)).toBe(2);

  await signIn(page, `/clients/${id}/rotate-secret`);
  await page.getByRole('button', { name: 'Continue: choose the new secret' }).click();
  await page.getByRole('button', { name: 'Continue: confirm' }).click();
  await page.getByLabel(/Type the client id/).fill(id);
  await page.getByRole('button', { name: 'Rotate the secret now' }).click();
  await expect(page.getByText('New secret works.')).toBeVisible();
  await page.getByRole('button', { name: /hand over the new secret/ }).click();

  await page.getByRole('button', { name: 'Revoke existing sessions…' }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke 2 Sessions of ${id}?` });
  await expect(dialog).toContainText('2 active Sessions: their access tokens stop working at once');
  await expect(dialog).toContainText(`This user signs in again: ${user}.`);
  await expect(dialog).toContainText("1 Session is the application's own (no user)");
  await expect(dialog).toContainText('Revoked Sessions cannot be restored.');
  await axe(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await liveSessions(id)).toBe(2);

  await page.getByRole('button', { name: 'Revoke existing sessions…' }).click();
  await dialog.getByRole('button', { name: 'Revoke 2 Sessions' }).click();
  await expect(page.getByText('Done: 2 of 2 revoked.')).toBeVisible();
  expect(await liveSessions(id)).toBe(0);
  await page.getByRole('button', { name: /I have stored the secret/ }).click();
  await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();
});

test('the Client page revokes its Sessions after a confirmation naming who loses access', async ({
  page,
  seed,
}) => {
  const id = uniqueId('dx-sessions');
  await seed({ resourceType: 'Client', id, secret: OLD, grant_types: ['client_credentials'] });
  expect((await clientCredentialsToken(id, OLD)).status).toBe(200);
  await signIn(page, `/clients/${id}`);
  const panel = page.getByRole('group', { name: 'Sessions' });
  await expect(panel).toContainText('1 active Session, 1 of the application itself.');

  await panel.getByRole('button', { name: 'Revoke all Sessions…' }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke 1 Session of ${id}?` });
  await expect(dialog).toContainText("1 Session is the application's own (no user)");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await liveSessions(id)).toBe(1);

  await panel.getByRole('button', { name: 'Revoke all Sessions…' }).click();
  await dialog.getByRole('button', { name: 'Revoke 1 Session' }).click();
  await expect(panel.getByRole('status')).toHaveText('1 of 1 revoked.');
  await expect(panel).toContainText('0 active Sessions.');
  expect(await liveSessions(id)).toBe(0);
});
