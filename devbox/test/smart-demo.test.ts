// The demo SMART backend service: its private key is written at seed time (owner-only file, never
// on the Client), and a client assertion signed with it obtains a token that reads /fhir.
import { importJWK, type JWK } from 'jose';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSmartKeyFile, SMART_BACKEND_ID } from '../seed/demo-smart.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, bearer, token } from './auth-helpers.ts';
import { assertion, assertionParams } from './smart-helpers.ts';

let box: TestDevbox;

beforeAll(async () => {
  box = await startTestDevbox({ seed: 'demo' });
}, 60_000);
afterAll(async () => box?.stop());

describe('demo SMART backend service', () => {
  it('keeps the private key in an owner-only file and only the public key on the Client', async () => {
    const file = demoSmartKeyFile(box.ctx);
    expect(file).toBeTruthy();
    expect((await stat(file ?? '')).mode & 0o077).toBe(0);
    const client = await api(box, `/fhir/Client/${SMART_BACKEND_ID}`, box.rootBasic);
    const keys = client.body.jwks as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(m);
  });

  it('obtains a token with the seeded key and reads /fhir with it', async () => {
    const doc = JSON.parse(await readFile(demoSmartKeyFile(box.ctx) ?? '', 'utf8')) as { privateJwk: JWK };
    const privateKey = await importJWK(doc.privateJwk, 'RS384');
    if (!(privateKey instanceof CryptoKey)) throw new Error('expected a CryptoKey');
    const key = { kid: String(doc.privateJwk.kid), alg: 'RS384', privateKey, publicJwk: {} };
    const jwt = await assertion(box, SMART_BACKEND_ID, key);
    const t = await token(box, assertionParams(jwt, { scope: 'system/Client.rs system/User.rs' }));
    expect(t.status).toBe(200);
    expect(t.body.scope).toBe('system/Client.rs');
    expect((await api(box, `/fhir/Client/${SMART_BACKEND_ID}`, bearer(t.body.access_token))).status).toBe(
      200,
    );
  });

  it('seeds SMART apps with v2 scopes', async () => {
    const app = await api(box, '/fhir/Client/smart-ehr-launch-demo', box.rootBasic);
    expect(app.body).toMatchObject({
      type: 'smart-app',
      smart: { launch_uri: expect.any(String) as unknown },
    });
    expect(app.body.scope).toContain('patient/Observation.rs?category=vital-signs');
  });

  it('removes the --memory temp key file when devbox stops', async () => {
    const file = demoSmartKeyFile(box.ctx) ?? '';
    expect(existsSync(file)).toBe(true);
    await box.stop();
    expect(existsSync(file)).toBe(false);
  });
});
