// Issue 12 §2 in the Client editor's Keys section: bring your own public key to an existing keyed
// backend service (paste, add, save with the editor's If-Match save, see it in the table, and the
// key then obtains a token from devbox), and a pasted private JWK refused without being written.
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { readResource, uniqueId } from './api.ts';
import { E2E } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_ENDPOINT = `${E2E.devboxUrl}/auth/token`;

async function keyPair(kid: string): Promise<{ pub: JWK; priv: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
  const extra = { kid, alg: 'RS384', use: 'sig' };
  return {
    pub: { ...(await exportJWK(publicKey)), ...extra },
    priv: { ...(await exportJWK(privateKey)), ...extra },
  };
}

/** The status of a client_credentials request authenticated with an assertion signed by `priv`. */
async function tokenStatus(clientId: string, priv: JWK): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: String(priv.kid) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(TOKEN_ENDPOINT)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(await importJWK(priv, 'RS384'));
  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    }),
  });
  await res.body?.cancel();
  return res.status;
}

test('Keys section: a pasted public key is added and saved; a pasted private key is refused', async ({
  page,
  seed,
}) => {
  const id = uniqueId('keys');
  const old = await keyPair('old-key');
  const added = await keyPair('added-key');
  await seed({
    resourceType: 'Client',
    id,
    grant_types: ['client_credentials'],
    auth: { client_credentials: { token_format: 'jwt', client_assertion_types: [ASSERTION_TYPE] } },
    scope: ['system/Patient.rs'],
    jwks: [old.pub],
  });
  const bodies: string[] = [];
  page.on('request', (r) => bodies.push(`${r.url()} ${r.postData() ?? ''}`));
  await signIn(page, `/clients/${id}`);

  const table = page.getByRole('table', { name: 'Stored public keys (jwks)' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Paste or upload' }).click();
  const box = page.getByLabel('Public JWK or JWK Set');

  await box.fill(JSON.stringify(added.priv));
  await expect(page.getByRole('alert')).toContainText('private key material (d, p, q, dp, dq, qi)');
  await expect(box).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Add key' })).toBeDisabled();

  await box.fill(JSON.stringify(added.pub));
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(table.getByRole('row', { name: /added-key/ })).toContainText('2048-bit');

  const stored = await readResource('Client', id);
  expect((stored?.jwks as JWK[]).map((k) => k.kid)).toEqual(['old-key', 'added-key']);
  expect(JSON.stringify(stored)).not.toContain(String(added.priv.d));
  expect(bodies.join('\n')).not.toContain(String(added.priv.d));
  expect(await tokenStatus(id, added.priv)).toBe(200);
});
