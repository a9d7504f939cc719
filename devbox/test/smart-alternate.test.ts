// private_key_jwt and SMART scopes on `--reading alternate` (devbox/README.md, deviations), and a
// third-party client: openid-client 6 doing client_credentials with private_key_jwt.
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER } from '../auth/client-assertion.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { putClient, token } from './auth-helpers.ts';
import { assertion, assertionParams, keyPair, type KeyPair } from './smart-helpers.ts';

let strict: TestDevbox;
let alt: TestDevbox;
let rs: KeyPair;
let es: KeyPair;

async function seed(box: TestDevbox) {
  const auth = { client_credentials: { client_assertion_types: [JWT_BEARER], token_format: 'jwt' } };
  const keys = [rs.publicJwk, es.publicJwk];
  await putClient(box, {
    id: 'bulk',
    grant_types: ['client_credentials'],
    auth,
    jwks: keys,
    scope: ['system/*.rs'],
  });
  await putClient(box, { id: 'keys-only', grant_types: ['client_credentials'], jwks: keys });
}

beforeAll(async () => {
  [rs, es] = await Promise.all([keyPair('RS384'), keyPair('ES384')]);
  [strict, alt] = await Promise.all([startTestDevbox(), startTestDevbox({ reading: 'alternate' })]);
  await Promise.all([seed(strict), seed(alt)]);
});
afterAll(async () => Promise.all([strict?.stop(), alt?.stop()]));

describe('alternate reading', () => {
  it('also accepts ES384, and no typ header', async () => {
    expect((await token(alt, assertionParams(await assertion(alt, 'bulk', es)))).status).toBe(200);
    expect((await token(strict, assertionParams(await assertion(strict, 'bulk', es)))).status).toBe(401);
    const noTyp = { header: { typ: undefined } };
    expect((await token(alt, assertionParams(await assertion(alt, 'bulk', rs, noTyp)))).status).toBe(200);
  });
  it('accepts a client with keys but no client_assertion_types', async () => {
    expect((await token(alt, assertionParams(await assertion(alt, 'keys-only', rs)))).status).toBe(200);
    expect((await token(strict, assertionParams(await assertion(strict, 'keys-only', rs)))).status).toBe(401);
  });
  it('grants all allowed scopes when none is requested (strict grants none)', async () => {
    const a = await token(alt, assertionParams(await assertion(alt, 'bulk', rs)));
    expect(a.body.scope).toBe('system/*.rs');
    const s = await token(strict, assertionParams(await assertion(strict, 'bulk', rs)));
    expect(s.status).toBe(200);
    expect(s.body).not.toHaveProperty('scope');
  });
  it('smart-configuration lists the algorithms each reading accepts', async () => {
    const get = async (b: TestDevbox) =>
      ((await (await fetch(`${b.url}/.well-known/smart-configuration`)).json()) as Record<string, unknown>)
        .token_endpoint_auth_signing_alg_values_supported;
    expect(await get(strict)).toEqual(['RS384']);
    expect(await get(alt)).toEqual(['RS384', 'ES384']);
  });
});

describe('openid-client 6 with private_key_jwt', () => {
  it('obtains a token with client_credentials (aud = token endpoint, typ JWT, as Aidbox documents)', async () => {
    const config = await oidc.discovery(
      new URL(strict.url),
      'bulk',
      undefined,
      oidc.PrivateKeyJwt(
        { key: rs.privateKey, kid: rs.kid },
        {
          // openid-client puts the issuer in aud and no typ; Aidbox's docs want both as below.
          [oidc.modifyAssertion]: (header, payload) => {
            header.typ = 'JWT';
            payload.aud = `${strict.url}/auth/token`;
          },
        },
      ),
      { execute: [oidc.allowInsecureRequests] },
    );
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'system/Client.rs openid' });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.scope).toBe('system/Client.rs');
  });
});
