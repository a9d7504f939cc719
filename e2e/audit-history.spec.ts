// History of a Client: field diff between versions with the secret masked, and a restore that is
// a merge-PATCH guarded by If-Match of the current version (a concurrent change is never overwritten).
import { clientCredentialsToken, fhir, readResource, uniqueId } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

async function versionIds(type: string, id: string): Promise<string[]> {
  const res = await fhir('GET', `${type}/${id}/_history`);
  const entries = (res.json as { entry?: { resource?: { meta?: { versionId?: string } } }[] }).entry ?? [];
  return entries.map((e) => e.resource?.meta?.versionId ?? '').sort((a, b) => Number(a) - Number(b));
}

test('diff two versions without showing the secret, then restore version 1 with If-Match', async ({
  page,
  seed,
}) => {
  const id = uniqueId('audit-hist');
  await seed({
    resourceType: 'Client',
    id,
    name: 'Original name',
    secret: 'first-secret-0123456789abcdef0123456789',
    grant_types: ['client_credentials'],
    auth: { client_credentials: { access_token_expiration: 600 } },
  });
  const patch = (body: unknown) =>
    fhir('PATCH', `Client/${id}`, body, { 'content-type': 'application/merge-patch+json' });
  expect(
    (
      await patch({
        name: 'Second name',
        auth: { client_credentials: { access_token_expiration: 2_592_000 } },
      })
    ).status,
  ).toBe(200);
  const newSecret = 'second-secret-0123456789abcdef012345678';
  expect((await patch({ secret: newSecret, description: 'added later' })).status).toBe(200);
  const stored = (await readResource('Client', id))?.secret;
  const storedHash = typeof stored === 'string' ? stored : '';
  const vids = await versionIds('Client', id); // oldest first; devbox numbers versions globally
  const [v1 = '', , v3 = ''] = vids;

  await signIn(page, `/audit/history/Client/${id}`);
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.locator('tbody tr')).toHaveCount(3);
  await page.getByLabel('From version').selectOption(v1);
  await page.getByLabel('To version').selectOption(v3);
  const diff = page.getByRole('table', { name: `Changes from version ${v1} to ${v3}` });
  await expect(diff.locator('tr[data-path="name"]')).toContainText('"Second name"');
  await expect(diff.locator('tr[data-path="auth.client_credentials.access_token_expiration"]')).toContainText(
    '2592000',
  );
  await expect(diff.locator('tr[data-path="secret"]')).toHaveText(/secret changed \(value not shown\)/);
  const html = await page.content();
  expect(html).not.toContain(storedHash);
  expect(html).not.toContain(storedHash.replace(/^sha256:/, ''));

  const restoreRequest = page.waitForRequest(
    (r) => r.method() === 'PATCH' && r.url().endsWith(`/fhir/Client/${id}`),
  );
  await versions.getByRole('button', { name: `Restore version ${v1}` }).click();
  const dialog = page.getByRole('dialog', { name: `Restore version ${v1}?` });
  await expect(dialog).toContainText('The secret is never restored');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  const req = await restoreRequest;
  expect(req.headers()['if-match']).toBe(`W/"${v3}"`);
  expect(req.postDataJSON()).not.toHaveProperty('secret');
  await expect(
    page.getByRole('status').filter({ hasText: `Restored version ${v1} as version` }),
  ).toBeVisible();
  expect(await versionIds('Client', id)).toHaveLength(4);

  const now = await readResource('Client', id);
  expect(now?.name).toBe('Original name');
  expect(now?.description).toBeUndefined();
  expect(now?.auth).toEqual({ client_credentials: { access_token_expiration: 600 } });
  expect(now?.secret).toBe(storedHash); // the current secret stays
  expect((await clientCredentialsToken(id, newSecret)).status).toBe(200);
});

test('a change made after the history was loaded makes the restore fail and reload', async ({
  page,
  seed,
}) => {
  const id = uniqueId('audit-race');
  await seed({
    resourceType: 'AccessPolicy',
    id,
    engine: 'matcho',
    description: 'v1',
    matcho: { uri: '/x' },
  });
  await fhir(
    'PATCH',
    `AccessPolicy/${id}`,
    { description: 'v2' },
    { 'content-type': 'application/merge-patch+json' },
  );

  await signIn(page, `/audit/history/AccessPolicy/${id}`);
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  // Someone else edits the policy while the reviewer looks at the history.
  await fhir(
    'PATCH',
    `AccessPolicy/${id}`,
    { description: 'v3 by someone else' },
    { 'content-type': 'application/merge-patch+json' },
  );
  const [v1 = ''] = await versionIds('AccessPolicy', id);
  await versions.getByRole('button', { name: `Restore version ${v1}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone changed it after this history was loaded');
  expect((await readResource('AccessPolicy', id))?.description).toBe('v3 by someone else');
  await expect(versions.locator('tbody tr')).toHaveCount(3);
});
