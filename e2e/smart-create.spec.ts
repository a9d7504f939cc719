// Creating a SMART standalone patient app (issue 12 §1, §3): the scope editor flags a wildcard on
// the scope itself, previews what a request is granted, and the Client devbox stores carries
// exactly the scopes typed, with offline_access only beside a bounded refresh token.
import { readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

test('create a SMART standalone patient app: wildcard lint, grant preview, stored scopes', async ({
  page,
  cleanup,
  axe,
}) => {
  const id = uniqueId('e2e-smart-patient');
  cleanup('Client', id);
  await signIn(page, '/clients/new');
  await page
    .getByRole('region', { name: 'SMART on FHIR' })
    .getByRole('link', { name: /^SMART standalone patient app/ })
    .click();
  await expect(page.getByRole('heading', { name: 'New SMART standalone patient app' })).toBeVisible();
  await page.getByLabel('Client id').fill(id);
  await page.getByLabel('Redirect URI').fill('https://meds.example.com/callback');

  const scopes = page.getByLabel('Allowed scopes');
  const list = page.getByRole('list', { name: 'Scopes as Aidbox reads them' });
  await scopes.fill('launch/patient openid fhirUser offline_access patient/*.rs');
  await expect(list.getByRole('listitem').filter({ hasText: 'patient/*.rs' })).toContainText(
    'reaches every resource type',
  );
  await axe(page);

  // Narrowed to the types the app shows: the warning goes, and the preview grants the covered part.
  await scopes.fill(
    'launch/patient openid fhirUser offline_access patient/Patient.r patient/MedicationRequest.rs',
  );
  await expect(list.getByText(/reaches every resource type/)).toHaveCount(0);
  const preview = page.getByRole('region', { name: 'Preview a token request' });
  await preview
    .getByLabel('Requested scopes')
    .fill('openid patient/MedicationRequest.r patient/Condition.rs');
  await expect(preview.getByText('Granted:').locator('..')).toContainText('patient/MedicationRequest.r');
  await expect(preview.getByText(/Not granted/).locator('..')).toContainText('patient/Condition.rs');

  await page.getByRole('button', { name: 'Create Client' }).click();
  await expect(page).toHaveURL(`${E2E.consoleUrl}/clients/${id}`);
  const stored = await readResource('Client', id);
  expect(stored?.scope).toEqual([
    'launch/patient',
    'openid',
    'fhirUser',
    'offline_access',
    'patient/Patient.r',
    'patient/MedicationRequest.rs',
  ]);
  expect(stored).toMatchObject({
    type: 'smart-app',
    grant_types: ['authorization_code', 'refresh_token'],
    auth: {
      authorization_code: { pkce: true, secret_required: false, refresh_token_expiration: 2_592_000 },
    },
  });
  expect(stored).not.toHaveProperty('secret');
  // The editor shows the same scopes, parsed.
  await expect(page.getByLabel('Allowed scopes')).toHaveValue(/patient\/MedicationRequest\.rs/);
});
