// The /auth and /.well-known side of the fake Aidbox: discovery, the token endpoint for
// client_credentials (docs/tutorials/security-access-control-tutorials/client-credentials-grant.md:
// Basic or client_secret_post, `invalid_client` on bad credentials), Session revocation with a
// bearer, and `POST /auth/test-policy` (same folder, debug-access-control.md), answered by a verdict
// the test sets — or refused with 404 like an Aidbox without development mode when it sets none.
import { isResource, json, outcome, type Resource } from './fake-search.ts';

export const FAKE_BASE = 'http://box';

export interface TestPolicyCall {
  policy: Resource;
  request: Resource;
}

export interface FakeAuth {
  /** Plaintext secrets by Client id: what the token endpoint accepts (Aidbox stores a hash). */
  secrets: Map<string, string>;
  /** Aidbox's verdict per policy; unset = `/auth/test-policy` answers 404 (development mode off). */
  verdict: ((policy: Resource, request: Resource) => boolean) | undefined;
  testPolicyCalls: TestPolicyCall[];
  tokensIssued: number;
}

export function discovery(): Response {
  return json(200, {
    issuer: FAKE_BASE,
    authorization_endpoint: `${FAKE_BASE}/auth/authorize`,
    token_endpoint: `${FAKE_BASE}/auth/token`,
    userinfo_endpoint: `${FAKE_BASE}/auth/userinfo`,
    jwks_uri: `${FAKE_BASE}/.well-known/jwks.json`,
  });
}

const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

/** RFC 6749 §2.3.1 credentials, from the Basic header or the form body. */
function credentials(headers: Headers, form: URLSearchParams): [string, string] | undefined {
  const basic = /^Basic (.+)$/i.exec(headers.get('authorization') ?? '');
  if (basic) {
    const [id = '', secret = ''] = atob(basic[1]!).split(':');
    return [formDecode(id), formDecode(secret)];
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? [id, secret] : undefined;
}

export function token(auth: FakeAuth, headers: Headers, body: string): Response {
  const form = new URLSearchParams(body);
  if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
  const creds = credentials(headers, form);
  if (!creds || auth.secrets.get(creds[0]) !== creds[1]) return json(401, { error: 'invalid_client' });
  auth.tokensIssued++;
  return json(200, {
    access_token: `fake-access-${auth.tokensIssued}`,
    token_type: 'Bearer',
    expires_in: 3600,
  });
}

export function testPolicy(auth: FakeAuth, body: unknown): Response {
  if (!auth.verdict) return outcome(404, 'not-found', 'Not found');
  const b = isResource(body) ? body : {};
  const policy = isResource(b.policy) ? b.policy : {};
  const request = isResource(b.request) ? b.request : {};
  auth.testPolicyCalls.push({ policy, request });
  // The console's availability probe sends an `allow` policy; it is answered like any other.
  const result = policy.engine === 'allow' ? true : auth.verdict(policy, request);
  return json(200, { request, policy, result: { 'eval-result': result } });
}
