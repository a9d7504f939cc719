// Token playground, SMART (issue 12 §5) against devbox: a backend service gets a token with a
// signed client assertion (key generated here with jose, public half on a fresh Client), a replayed
// assertion is refused with a plain explanation, and an EHR launch asked of Aidbox puts the patient
// in context of the code flow's token.
import { exportJWK, generateKeyPair } from 'jose';
import { uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

test('backend services: a pasted private key signs the assertion, a replay is refused', async ({
  page,
  seed,
}) => {
  const id = uniqueId('pg-smart-backend');
  const { privateKey, publicKey } = await generateKeyPair('RS384', { extractable: true });
  const kid = `${id}-key`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS384', use: 'sig' };
  await seed({
    resourceType: 'Client',
    id,
    type: 'bulk-api-client',
    grant_types: ['client_credentials'],
    scope: ['system/Patient.rs'],
    jwks: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS384', use: 'sig' }],
    auth: { client_credentials: { client_assertion_types: [JWT_BEARER], token_format: 'jwt' } },
  });
  await signIn(page, `/playground?client=${id}&flow=backend_services&scope=system/Patient.rs`);
  const sent: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));

  await page.getByLabel('Private key').fill(JSON.stringify(privateJwk));
  await expect(page.getByText(`Key ready: RS384, kid ${kid}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Get token with key' }).click();
  const exchange = page.getByRole('region', { name: 'Token request (client_credentials, signed assertion)' });
  await expect(exchange.getByText('HTTP 200', { exact: true })).toBeVisible();
  const signed = exchange.getByRole('region', { name: 'Signed client assertion' });
  await expect(signed).toContainText(`"kid": "${kid}"`);
  await expect(signed).toContainText(`"aud": "${E2E.devboxUrl}/auth/token"`);
  await expect(signed).toContainText(`"iss": "${id}"`);
  await expect(exchange.getByRole('region', { name: 'SMART fields' })).toContainText('system/Patient.rs');

  await page.getByRole('button', { name: 'Send the same assertion again' }).click();
  const replay = page.getByRole('region', { name: 'Token request (the same assertion again)' });
  await expect(replay.getByText('HTTP 401', { exact: true })).toBeVisible();
  await expect(replay.getByRole('alert')).toContainText('Replay refused: this assertion was already used');

  // The private key went nowhere: not into a request (only the assertion did), not into the
  // page's markup (the field is not mirrored into an attribute).
  const d = String(privateJwk.d);
  expect(sent.join('\n')).toContain('client_assertion=');
  expect(sent.join('\n')).not.toContain(d);
  expect(await page.content()).not.toContain(d);
});

test('EHR launch: Aidbox builds the launch, the code flow carries it, the token names the patient', async ({
  page,
  seed,
}) => {
  const id = uniqueId('pg-smart-ehr');
  await seed({
    resourceType: 'Client',
    id,
    type: 'smart-app',
    first_party: true,
    grant_types: ['authorization_code'],
    scope: ['launch', 'openid', 'fhirUser', 'patient/Patient.rs'],
    smart: { launch_uri: 'https://app.example.test/launch' },
    auth: {
      authorization_code: {
        redirect_uri: `${E2E.consoleUrl}/playground/callback`,
        pkce: true,
        secret_required: false,
        token_format: 'jwt',
      },
    },
  });
  await signIn(
    page,
    `/playground?client=${id}&flow=authorization_code&scope=launch+openid+patient/Patient.rs`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Aidbox would grant' })).toContainText(
    'launch openid patient/Patient.rs',
  );
  await page.getByLabel('Patient id').fill('pt-e2e-1');
  await expect(page.getByLabel('User id')).toHaveValue('admin');

  // The console admin's bootstrap policy does not cover /rpc: the playground says so.
  await page.getByRole('button', { name: 'Get a launch from Aidbox' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'may not call aidbox.smart/get-launch-uri' }),
  ).toBeVisible();
  await seed({
    resourceType: 'AccessPolicy',
    id: uniqueId('pg-smart-rpc'),
    engine: 'matcho',
    matcho: { uri: '/rpc', 'request-method': 'post', user: { data: { consoleAdmin: true } } },
    link: [{ reference: `Client/${E2E.consoleClientId}` }],
  });
  await page.getByRole('button', { name: 'Get a launch from Aidbox' }).click();
  await expect(page.getByText('Launch ready for patient pt-e2e-1.')).toBeVisible();

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Start authorization (popup)' }).click();
  const popup = await popupPromise;
  await popup.waitForEvent('close'); // signed in to devbox already; a first-party Client asks no consent
  const token = page.getByRole('region', { name: 'Token request (authorization_code)' });
  await expect(token.getByText('HTTP 200', { exact: true })).toBeVisible();
  const smart = token.getByRole('region', { name: 'SMART fields' });
  await expect(smart).toContainText('pt-e2e-1');
  await expect(smart).toContainText('need_patient_banner');
  await expect(smart).toContainText('access_token.context');
  await expect(page.getByText(/GET http.*&launch=ey/).first()).toBeVisible();
});
