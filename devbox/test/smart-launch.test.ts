// Contract tests for SMART EHR launch (aidbox-docs smart-on-fhir/smart-client-authorization/
// smart-app-launch.md) and scope enforcement on /fhir for atv 2 tokens
// (smart-scopes-for-limiting-access.md). devbox's FHIR API holds only Aidbox's own resource types,
// so scopes are exercised on Client and User; Patient reads show the scope check comes first.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair, TestBrowser } from '../testing/browser.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api, bearer, putClient, putPolicy, putUser, token } from './auth-helpers.ts';

let box: TestDevbox;
const CB = 'https://ehr-app.example/cb';
const LAUNCH = 'https://ehr-app.example/launch';

beforeAll(async () => {
  box = await startTestDevbox();
  await putClient(box, {
    id: 'ehr-app',
    type: 'smart-app',
    first_party: true, // no consent screen in the test browser
    grant_types: ['authorization_code'],
    smart: { launch_uri: LAUNCH },
    scope: ['launch', 'openid', 'fhirUser', 'user/Client.rs', 'patient/Patient.rs'],
    auth: {
      authorization_code: { redirect_uri: CB, token_format: 'jwt', pkce: true, secret_required: false },
    },
  });
  await putClient(box, { id: 'no-launch-uri', type: 'smart-app', grant_types: ['code'] });
  await putUser(box, { id: 'clin' }, 'clin-pw');
  await putUser(box, { id: 'other' }, 'other-pw');
  await putPolicy(box, { id: 'allow-ehr-app', engine: 'allow', link: [{ reference: 'Client/ehr-app' }] });
});
afterAll(async () => box?.stop());

async function getLaunch(params: Record<string, unknown>) {
  const res = await fetch(`${box.url}/rpc`, {
    method: 'POST',
    headers: { authorization: box.rootBasic, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'aidbox.smart/get-launch-uri', params }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, Record<string, string>> };
}

/** EHR launch end to end: launch URI → authorize with `launch` → code → token. */
async function launchToken(user = 'clin', password = 'clin-pw', scope?: string) {
  const l = await getLaunch({ client: 'ehr-app', user: 'clin', ctx: { patient: 'pt-1' } });
  const launch = new URL(l.body.result?.uri ?? '').searchParams.get('launch') ?? '';
  const { verifier, challenge } = pkcePair();
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'ehr-app',
    redirect_uri: CB,
    state: 's',
    aud: `${box.url}/fhir`,
    launch,
    scope: scope ?? 'launch openid user/Client.rs user/User.rs patient/Patient.rs',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const { location } = await new TestBrowser(box.url).authorize(
    `/auth/authorize?${q.toString()}`,
    user,
    password,
  );
  const code = location.searchParams.get('code');
  if (!code) return { location };
  const t = await token(box, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CB,
    client_id: 'ehr-app',
    code_verifier: verifier,
  });
  return { location, token: t };
}

describe('EHR launch', () => {
  it('aidbox.smart/get-launch-uri builds <launch_uri>?iss=…&launch=…', async () => {
    const r = await getLaunch({
      client: 'ehr-app',
      user: 'clin',
      iss: 'https://ehr.example/fhir',
      ctx: { patient: 'pt-1' },
    });
    expect(r.status).toBe(200);
    const uri = new URL(r.body.result?.uri ?? '');
    expect(`${uri.origin}${uri.pathname}`).toBe(LAUNCH);
    expect(uri.searchParams.get('iss')).toBe('https://ehr.example/fhir');
    expect(uri.searchParams.get('launch')).toBe(r.body.result?.launch);
    expect(decodeJwt(r.body.result?.launch ?? '')).toMatchObject({
      client: 'ehr-app',
      user: 'clin',
      ctx: { patient: 'pt-1' },
    });
    expect(r.body.result?.['launch-uri']).toBe(LAUNCH);
  });
  it('refuses a Client without smart.launch_uri, an unknown user and unknown methods', async () => {
    expect((await getLaunch({ client: 'no-launch-uri', user: 'clin' })).status).toBe(422);
    expect((await getLaunch({ client: 'ehr-app', user: 'nobody' })).status).toBe(422);
    const res = await fetch(`${box.url}/rpc`, {
      method: 'POST',
      headers: { authorization: box.rootBasic, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'aidbox.smart/nope', params: {} }),
    });
    expect(res.status).toBe(404);
  });
  it('requires authentication for /rpc', async () => {
    const res = await fetch(`${box.url}/rpc`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
  it('returns patient and need_patient_banner, and puts context.patient and atv 2 in the token', async () => {
    const { token: t } = await launchToken();
    expect(t?.status).toBe(200);
    expect(t?.body).toMatchObject({ patient: 'pt-1', need_patient_banner: true });
    // requested ∩ allowed: user/User.rs is not among the Client's scopes.
    expect(t?.body.scope).toBe('launch openid user/Client.rs patient/Patient.rs');
    expect(decodeJwt(String(t?.body.access_token))).toMatchObject({ atv: 2, context: { patient: 'pt-1' } });
  });
  it('strict: refuses a launch issued for another user, or tampered with', async () => {
    const { location } = await launchToken('other', 'other-pw');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/another user/);
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: 'ehr-app',
      redirect_uri: CB,
      launch: 'x.y.z',
    });
    const b = new TestBrowser(box.url);
    const r = await b.authorize(`/auth/authorize?${q.toString()}`, 'clin', 'clin-pw');
    expect(r.location.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('scope enforcement on /fhir (atv 2)', () => {
  it('allows only what a granted scope covers, before AccessPolicies', async () => {
    const { token: t } = await launchToken();
    const auth = bearer(t?.body.access_token);
    expect((await api(box, '/fhir/Client/ehr-app', auth)).status).toBe(200);
    expect((await api(box, '/fhir/Client', auth)).status).toBe(200);
    // The policy allows everything, the scopes do not.
    expect((await api(box, '/fhir/User/clin', auth)).status).toBe(403);
    expect((await api(box, '/fhir/Client/ehr-app', auth, { method: 'DELETE' })).status).toBe(403);
    // patient/Patient.rs covers the launch patient only: 404 (past the scope check) vs 403.
    expect((await api(box, '/fhir/Patient/pt-1', auth)).status).toBe(404);
    expect((await api(box, '/fhir/Patient/pt-2', auth)).status).toBe(403);
    // Bundle entries are checked one by one.
    const bundle = await api(box, '/fhir', auth, {
      method: 'POST',
      body: {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          { request: { method: 'GET', url: 'Client/ehr-app' } },
          { request: { method: 'GET', url: 'User/clin' } },
        ],
      },
    });
    const statuses = (bundle.body.entry as { response: { status: string } }[]).map((e) => e.response.status);
    expect(statuses.map((s) => s.slice(0, 3))).toEqual(['200', '403']);
  });
});
