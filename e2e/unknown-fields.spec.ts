// Fields the console does not know (custom keys, nested flags, extensions, vault references) survive
// every save, through the form and through the raw JSON tab, and a secret keeps working.
import { clientCredentialsToken, fhir, readResource, uniqueId, type FhirResource } from './api.ts';
import { expect, signIn, test } from './fixtures.ts';

/** The stored Client without what a save is allowed to change. */
function rest(c: FhirResource | undefined, ...changed: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...c };
  for (const k of ['meta', ...changed]) delete copy[k];
  return copy;
}

const UNKNOWN = {
  extension: [
    { url: 'http://example.org/fhir/StructureDefinition/owner', valueString: 'team-e2e' },
    { url: 'http://example.org/fhir/StructureDefinition/tier', valueInteger: 2 },
  ],
  legacyConfig: { importedAt: '2019-03-01', flags: ['a', 'b'], nested: { deep: { keep: true } } },
  'x-imported-from': 'old-idp',
  allowed_origins: ['https://unknown.example.com'],
  details: { owner: 'e2e', ticket: 'SEC-42' },
};

test('a confidential Client with unknown fields is edited in the form; every field and the secret survive', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-unknown');
  const secret = 'e2e-unknown-secret-Zq8xN2vL5pR7tW1yB4cD6fH9';
  await seed({
    resourceType: 'Client',
    id,
    name: 'Unknown fields',
    secret,
    grant_types: ['client_credentials', 'authorization_code'],
    auth: {
      client_credentials: { token_format: 'jwt', access_token_expiration: 300, x_rate_limit: 50 },
      authorization_code: {
        redirect_uri: 'https://unknown.example.com/cb',
        pkce: true,
        secret_required: true,
        future_flag: true,
        x_nested: { a: [1, 2, { b: null }] },
      },
    },
    ...UNKNOWN,
  });
  expect((await clientCredentialsToken(id, secret)).status).toBe(200);
  const before = await readResource('Client', id);
  expect(before).toMatchObject(UNKNOWN);

  await signIn(page, `/clients/${id}`);
  await expect(page.getByText('A secret is stored (never shown).')).toBeVisible();
  const patchSent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/Client/${id}`));
  await page.getByLabel('Description', { exact: true }).fill('Only the description changes');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await patchSent).postDataJSON()).toEqual({ description: 'Only the description changes' });
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const after = await readResource('Client', id);
  expect(after?.description).toBe('Only the description changes');
  expect(rest(after, 'description')).toEqual(rest(before));
  expect((await clientCredentialsToken(id, secret)).status).toBe(200);

  // A second save, of a known nested field next to unknown ones, keeps the neighbours.
  await page
    .getByRole('group', { name: 'Client credentials settings' })
    .getByLabel('Access token lifetime (seconds)')
    .fill('120');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect
    .poll(
      async () =>
        ((await readResource('Client', id))?.auth as Record<string, Record<string, unknown>>)
          .client_credentials,
    )
    .toEqual({ token_format: 'jwt', access_token_expiration: 120, x_rate_limit: 50 });
  const last = await readResource('Client', id);
  expect(rest(last, 'description', 'auth')).toEqual(rest(before, 'description', 'auth'));
  expect((last?.auth as Record<string, unknown>).authorization_code).toEqual(
    (before?.auth as Record<string, unknown>).authorization_code,
  );
  expect((await clientCredentialsToken(id, secret)).status).toBe(200);
});

test('a vault-referenced secret (_secret) and unknown fields survive form and raw JSON edits', async ({
  page,
  seed,
}) => {
  const id = uniqueId('e2e-vault');
  const vault = {
    extension: [
      { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
      { url: 'http://health-samurai.io/fhir/secret-reference', valueString: 'e2e-vault-secret' },
    ],
  };
  await seed({
    resourceType: 'Client',
    id,
    name: 'Vault backed',
    grant_types: ['client_credentials'],
    _secret: vault,
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 600 } },
    ...UNKNOWN,
  });
  const before = await readResource('Client', id);
  expect(before?._secret).toEqual(vault);

  await signIn(page, `/clients/${id}`);
  await expect(page.getByText(/Secret managed in a vault/)).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Vault backed, renamed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const afterForm = await readResource('Client', id);
  expect(afterForm?.name).toBe('Vault backed, renamed');
  expect(rest(afterForm, 'name')).toEqual(rest(before, 'name'));

  // The raw JSON tab shows the unknown fields and saves an edit with them intact.
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  const json = page.getByLabel('Client JSON');
  const shown = JSON.parse(await json.inputValue()) as Record<string, unknown>;
  expect(shown).toMatchObject({ ...UNKNOWN, _secret: vault });
  shown.description = 'Edited as JSON';
  (shown.legacyConfig as Record<string, unknown>).flags = ['a', 'b', 'c'];
  await json.fill(JSON.stringify(shown, null, 2));
  const patchSent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/Client/${id}`));
  await page.getByRole('button', { name: 'Save JSON' }).click();
  const body = (await patchSent).postDataJSON() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['description', 'legacyConfig']);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const afterJson = await readResource('Client', id);
  expect(afterJson).toMatchObject({
    description: 'Edited as JSON',
    legacyConfig: { ...UNKNOWN.legacyConfig, flags: ['a', 'b', 'c'] },
    _secret: vault,
  });
  expect(rest(afterJson, 'name', 'description', 'legacyConfig')).toEqual(
    rest(before, 'name', 'description', 'legacyConfig'),
  );
  expect((await fhir('GET', `Client/${id}`)).json).not.toHaveProperty('secret');
});
