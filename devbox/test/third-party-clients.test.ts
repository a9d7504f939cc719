// devbox used the way its users would: through widely used third-party libraries instead of our
// own helpers. openid-client (OIDC relying party: discovery, authorization code + PKCE, userinfo,
// refresh, client credentials) on both readings, and fhir-kit-client for CRUD and search.
import { Client as FhirClient } from 'fhir-kit-client';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../testing/browser.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { basic, putClient, putPolicy, putUser } from './auth-helpers.ts';

const CB = 'https://rp.example/callback';
const boxes: Partial<Record<'strict' | 'alternate', TestDevbox>> = {};

async function seed(box: TestDevbox) {
  await putClient(box, {
    id: 'rp',
    first_party: true,
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: CB, pkce: true, token_format: 'jwt', refresh_token: true } },
  });
  await putClient(box, { id: 'svc', grant_types: ['client_credentials', 'basic'] }, 'svc-secret');
  await putUser(box, { id: 'frank', email: 'frank@example.com' }, 'frank-pw');
  await putPolicy(box, {
    id: 'svc-and-frank',
    engine: 'allow',
    link: [{ reference: 'Client/svc' }, { reference: 'User/frank' }],
  });
}

beforeAll(async () => {
  for (const reading of ['strict', 'alternate'] as const) {
    const box = await startTestDevbox({ reading });
    await seed(box);
    boxes[reading] = box;
  }
});
afterAll(async () => Promise.all(Object.values(boxes).map((b) => b.stop())));

const boxOf = (reading: 'strict' | 'alternate'): TestDevbox => {
  const box = boxes[reading];
  if (!box) throw new Error('devbox did not start');
  return box;
};

// devbox serves http on loopback; openid-client v6 refuses http unless told otherwise.
const insecure = { execute: [oidc.allowInsecureRequests] };

describe.each(['strict', 'alternate'] as const)('openid-client on the %s reading', (reading) => {
  it('discovers devbox, signs in with authorization code + PKCE, reads userinfo and refreshes', async () => {
    const box = boxOf(reading);
    const config = await oidc.discovery(new URL(box.url), 'rp', undefined, oidc.None(), insecure);
    expect(config.serverMetadata().issuer).toBe(box.url);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    // The alternate reading leaves nonce out of ID tokens, so only the strict run sends one;
    // PKCE and state bind the code either way (RFC 9700 §2.1.1).
    const nonce = reading === 'strict' ? oidc.randomNonce() : undefined;
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...(nonce ? { nonce } : {}),
    });
    const { location } = await new TestBrowser(box.url).authorize(url.href, 'frank', 'frank-pw');

    const tokens = await oidc.authorizationCodeGrant(config, location, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      ...(nonce ? { expectedNonce: nonce } : {}),
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims?.sub).toBe('frank');
    if (reading === 'strict') expect(tokens.expires_in).toBe(3600);
    else expect(tokens.expires_in).toBeUndefined();

    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
    expect(info).toMatchObject({ sub: 'frank', email: 'frank@example.com' });

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.access_token).toBeTruthy();
    if (reading === 'strict') expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    else expect(refreshed.refresh_token).toBeUndefined();
  });

  it('client credentials with client_secret_basic', async () => {
    const box = boxOf(reading);
    const config = await oidc.discovery(
      new URL(box.url),
      'svc',
      undefined,
      oidc.ClientSecretBasic('svc-secret'),
      insecure,
    );
    const tokens = await oidc.clientCredentialsGrant(config);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    const res = await fetch(`${box.url}/fhir/Client/svc`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
  });
});

describe('fhir-kit-client', () => {
  const fhir = () =>
    new FhirClient({
      baseUrl: `${boxOf('strict').url}/fhir`,
      customHeaders: { authorization: basic('svc', 'svc-secret') },
    });

  it('reads the CapabilityStatement and finds the SMART endpoints', async () => {
    const cs = await fhir().capabilityStatement();
    expect(cs.resourceType).toBe('CapabilityStatement');
    const smart = await fhir().smartAuthMetadata();
    expect(smart.authorizeUrl?.href).toBe(`${boxOf('strict').url}/auth/authorize`);
    expect(smart.tokenUrl?.href).toBe(`${boxOf('strict').url}/auth/token`);
  });

  it('create, read, update with If-Match, patch, search (GET and POST _search), history, delete', async () => {
    const c = fhir();
    const created = await c.create({
      resourceType: 'AccessPolicy',
      body: { resourceType: 'AccessPolicy', id: 'fkc-1', engine: 'matcho', matcho: { uri: '/never' } },
    });
    expect(created.id).toBe('fkc-1');
    const read = (await c.read({ resourceType: 'AccessPolicy', id: 'fkc-1' })) as unknown as {
      meta: { versionId: string };
    };
    const updated = await c.update({
      resourceType: 'AccessPolicy',
      id: 'fkc-1',
      body: {
        resourceType: 'AccessPolicy',
        id: 'fkc-1',
        engine: 'matcho',
        matcho: { uri: '/never' },
        description: 'v2',
      },
      options: { headers: { 'If-Match': `W/"${read.meta.versionId}"` } },
    });
    expect(updated.description).toBe('v2');
    // A stale If-Match is refused; the library surfaces the status.
    await expect(
      c.update({
        resourceType: 'AccessPolicy',
        id: 'fkc-1',
        body: { resourceType: 'AccessPolicy', engine: 'allow' },
        options: { headers: { 'If-Match': `W/"${read.meta.versionId}"` } },
      }),
    ).rejects.toMatchObject({ response: { status: 412 } });
    const patched = await c.patch({
      resourceType: 'AccessPolicy',
      id: 'fkc-1',
      jsonPatch: [{ op: 'replace', path: '/description', value: 'v3' }],
    });
    expect(patched.description).toBe('v3');
    for (const postSearch of [false, true]) {
      const bundle = (await c.search({
        resourceType: 'AccessPolicy',
        searchParams: { _id: 'fkc-1', '.description': 'v3' },
        options: { postSearch },
      })) as unknown as { total: number };
      expect(bundle.total).toBe(1);
    }
    const history = (await c.history({ resourceType: 'AccessPolicy', id: 'fkc-1' })) as unknown as {
      entry: unknown[];
    };
    expect(history.entry).toHaveLength(3);
    await c.delete({ resourceType: 'AccessPolicy', id: 'fkc-1' });
    await expect(c.read({ resourceType: 'AccessPolicy', id: 'fkc-1' })).rejects.toMatchObject({
      response: { status: 410 },
    });
  });

  it('runs a transaction Bundle', async () => {
    const res = (await fhir().transaction({
      body: {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            request: { method: 'PUT', url: 'AccessPolicy/fkc-tx' },
            resource: { resourceType: 'AccessPolicy', engine: 'matcho', matcho: { uri: '/x' } },
          },
        ],
      },
    })) as unknown as { type: string; entry: { response: { status: string } }[] };
    expect(res.type).toBe('transaction-response');
    expect(res.entry[0]?.response.status).toMatch(/^201/);
  });
});
