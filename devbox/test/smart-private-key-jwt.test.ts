// Contract tests for private_key_jwt at /auth/token (aidbox-docs smart-on-fhir/
// smart-client-authentication/smart-asymmetric-docs-private-key-jwt-authentication.md), signing
// with jose against a strict-reading devbox.
import { base64url, decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER } from '../auth/client-assertion.ts';
import { JWKS_MAX_BYTES } from '../auth/client-jwks.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { basic, putClient, putPolicy, token } from './auth-helpers.ts';
import {
  assertion,
  assertionParams,
  jwksServer,
  keyPair,
  type KeyPair,
  type JwksServer,
} from './smart-helpers.ts';

let box: TestDevbox;
let key: KeyPair;
let other: KeyPair;
let remoteKey: KeyPair;
let remote: JwksServer;
const servers: JwksServer[] = [];

const CA = { client_credentials: { client_assertion_types: [JWT_BEARER], token_format: 'jwt' } };

beforeAll(async () => {
  box = await startTestDevbox();
  key = await keyPair('RS384');
  other = await keyPair('RS384');
  remoteKey = await keyPair('RS384');
  remote = await jwksServer(JSON.stringify({ keys: [remoteKey.publicJwk] }));
  servers.push(remote);
  const base = { grant_types: ['client_credentials'], auth: CA };
  await putClient(box, { id: 'bulk', ...base, scope: ['system/*.read'], jwks: [key.publicJwk] });
  await putClient(box, { id: 'remote', ...base, jwks_uri: remote.url });
  await putClient(box, { id: 'no-opt-in', grant_types: ['client_credentials'], jwks: [key.publicJwk] });
  await putClient(box, { id: 'off', ...base, active: false, jwks: [key.publicJwk] });
  await putClient(box, { id: 'http-remote', ...base, jwks_uri: 'http://example.com/jwks' });
  await putPolicy(box, { id: 'allow-bulk', engine: 'allow', link: [{ reference: 'Client/bulk' }] });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await box?.stop();
});

async function expectInvalidClient(params: Record<string, string>, why: RegExp) {
  const r = await token(box, params);
  expect(r.status).toBe(401);
  expect(r.body.error).toBe('invalid_client');
  expect(String(r.body.error_description)).toMatch(why);
}

describe('private_key_jwt: success', () => {
  it('issues a token for an assertion signed with a key in Client.jwks, scope = requested ∩ allowed', async () => {
    const jwt = await assertion(box, 'bulk', key);
    const r = await token(box, assertionParams(jwt, { scope: 'system/Patient.rs system/*.write openid' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', scope: 'system/Patient.rs' });
    expect(decodeJwt(String(r.body.access_token))).toMatchObject({ sub: 'bulk', scope: 'system/Patient.rs' });
    const fhir = await fetch(`${box.url}/fhir/Client/bulk`, {
      headers: { authorization: `Bearer ${String(r.body.access_token)}` },
    });
    expect(fhir.status).toBe(200);
  });
  it('accepts a JSON body too and a matching client_id parameter', async () => {
    const jwt = await assertion(box, 'bulk', key);
    const r = await token(box, assertionParams(jwt, { client_id: 'bulk' }), { json: true });
    expect(r.status).toBe(200);
  });
  it('fetches keys from a loopback jwks_uri and caches them', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await token(box, assertionParams(await assertion(box, 'remote', remoteKey)));
      expect(r.status).toBe(200);
    }
    expect(remote.hits()).toBe(1);
  });
});

describe('private_key_jwt: refusals (invalid_client)', () => {
  it('refuses a replayed jti', async () => {
    const jwt = await assertion(box, 'bulk', key);
    expect((await token(box, assertionParams(jwt))).status).toBe(200);
    await expectInvalidClient(assertionParams(jwt), /already used/);
  });
  it('refuses a wrong aud', async () => {
    const jwt = await assertion(box, 'bulk', key, { claims: { aud: box.url } });
    await expectInvalidClient(assertionParams(jwt), /aud/);
  });
  it('refuses an expired assertion', async () => {
    const jwt = await assertion(box, 'bulk', key, { expIn: -60 });
    await expectInvalidClient(assertionParams(jwt), /expired/);
  });
  it('refuses exp more than five minutes ahead', async () => {
    const jwt = await assertion(box, 'bulk', key, { expIn: 600 });
    await expectInvalidClient(assertionParams(jwt), /five minutes/);
  });
  it('refuses an unknown kid and a key the client does not have', async () => {
    await expectInvalidClient(assertionParams(await assertion(box, 'bulk', other)), /Unknown kid/);
    const forged = await assertion(box, 'bulk', { ...other, kid: key.kid });
    await expectInvalidClient(assertionParams(forged), /signature/);
  });
  it('refuses alg none', async () => {
    const enc = (o: object) => base64url.encode(JSON.stringify(o));
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'bulk', sub: 'bulk', aud: `${box.url}/auth/token`, exp: now + 60, jti: 'none-1' };
    const jwt = `${enc({ alg: 'none', kid: key.kid, typ: 'JWT' })}.${enc(claims)}.`;
    await expectInvalidClient(assertionParams(jwt), /alg must be RS384/);
  });
  it('refuses HS256 keyed with the public key', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({
      iss: 'bulk',
      sub: 'bulk',
      aud: `${box.url}/auth/token`,
      exp: now + 60,
      jti: 'hs-1',
    })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' })
      .sign(secret);
    await expectInvalidClient(assertionParams(jwt), /alg must be RS384/);
  });
  it('refuses RS256 and ES384 on the strict reading (the docs fix alg to RS384)', async () => {
    const rs256 = await keyPair('RS256');
    await putClient(box, {
      id: 'rs256',
      grant_types: ['client_credentials'],
      auth: CA,
      jwks: [rs256.publicJwk],
    });
    await expectInvalidClient(assertionParams(await assertion(box, 'rs256', rs256)), /alg must be RS384/);
  });
  it('refuses iss ≠ sub, a client_id mismatch, and a missing typ', async () => {
    await expectInvalidClient(
      assertionParams(await assertion(box, 'bulk', key, { claims: { sub: 'x' } })),
      /iss and sub/,
    );
    await expectInvalidClient(
      assertionParams(await assertion(box, 'bulk', key), { client_id: 'remote' }),
      /client_id/,
    );
    await expectInvalidClient(
      assertionParams(await assertion(box, 'bulk', key, { header: { typ: undefined } })),
      /typ/,
    );
  });
  it('refuses clients that did not opt in, inactive clients and http jwks_uri off loopback', async () => {
    await expectInvalidClient(
      assertionParams(await assertion(box, 'no-opt-in', key)),
      /client_assertion_types/,
    );
    await expectInvalidClient(assertionParams(await assertion(box, 'off', key)), /inactive/);
    await expectInvalidClient(assertionParams(await assertion(box, 'http-remote', key)), /https/);
  });
  it('refuses a jku that is not the client jwks_uri, and an unknown assertion type', async () => {
    const jwt = await assertion(box, 'remote', remoteKey, { header: { jku: 'https://evil.example/jwks' } });
    await expectInvalidClient(assertionParams(jwt), /jku/);
    const ok = await assertion(box, 'bulk', key);
    await expectInvalidClient(
      { ...assertionParams(ok), client_assertion_type: 'urn:x' },
      /client_assertion_type/,
    );
  });
  it('refuses an assertion together with a secret', async () => {
    const jwt = await assertion(box, 'bulk', key);
    const r = await token(box, assertionParams(jwt), { authorization: basic('bulk', 'x') });
    expect(r).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('private_key_jwt: jwks_uri limits', () => {
  it('gives up on a jwks_uri that is too slow', async () => {
    const slow = await jwksServer(JSON.stringify({ keys: [remoteKey.publicJwk] }), 4000);
    servers.push(slow);
    await putClient(box, { id: 'slow', grant_types: ['client_credentials'], auth: CA, jwks_uri: slow.url });
    const started = Date.now();
    await expectInvalidClient(assertionParams(await assertion(box, 'slow', remoteKey)), /timed out/);
    expect(Date.now() - started).toBeLessThan(3900);
  }, 10_000);
  it('refuses a jwks_uri answer that is too large', async () => {
    const padding = 'x'.repeat(JWKS_MAX_BYTES + 1);
    const big = await jwksServer(JSON.stringify({ keys: [remoteKey.publicJwk], padding }));
    servers.push(big);
    await putClient(box, { id: 'big', grant_types: ['client_credentials'], auth: CA, jwks_uri: big.url });
    await expectInvalidClient(assertionParams(await assertion(box, 'big', remoteKey)), /larger than/);
  });
});
