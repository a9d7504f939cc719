// The demo and bootstrap policies decide as their descriptions say, under devbox's real policy
// engines (the security review and the matrix show these outcomes to people, so they must be right).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../policy/decide.ts';
import { buildRequest } from '../policy/request.ts';
import type { Resource } from '../store/types.ts';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';

let box: TestDevbox;
beforeAll(async () => {
  box = await startTestDevbox({ seed: 'demo' });
});
afterAll(async () => {
  await box.stop();
});

async function who(clientId: string, user?: string | Resource) {
  const client = await box.ctx.store.read('Client', clientId);
  const u = typeof user === 'string' ? await box.ctx.store.read('User', user) : user;
  return { client, user: u };
}

async function allowed(
  identity: { client?: Resource | undefined; user?: Resource | undefined },
  line: string,
) {
  const [method = 'GET', target = '/'] = line.split(' ');
  const url = new URL(target, 'http://devbox.test');
  const request = buildRequest({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: {},
    body: undefined,
    user: identity.user,
    client: identity.client,
    jwt: undefined,
    session: undefined,
    remoteAddr: '127.0.0.1',
    scheme: 'http',
  });
  const decision = await decide(
    box.ctx.store,
    { client: identity.client, user: identity.user },
    request,
    true,
  );
  return { allowed: decision.allowed, by: decision.results.filter((r) => r['eval-result']).map((r) => r.id) };
}

describe('bootstrap policy aidbox-console-admin', () => {
  it('lets a console admin manage configuration through the console, including transactions', async () => {
    const admin = await who('aidbox-console', 'admin');
    for (const line of [
      'DELETE /fhir/Client/orphan-integration',
      'PUT /fhir/AccessPolicy/ops-allow-all',
      'GET /fhir/Session',
      'PATCH /fhir/User/developer',
      'POST /fhir',
      'GET /fhir/Operation',
      'POST /auth/test-policy',
    ]) {
      expect((await allowed(admin, line)).by, line).toContain('aidbox-console-admin');
    }
    expect((await allowed(admin, 'PUT /fhir/Operation/FhirRead')).allowed).toBe(false);
  });

  it('gives nothing extra to signed-in users who are not console admins', async () => {
    const dev = await who('aidbox-console', 'developer');
    expect((await allowed(dev, 'DELETE /fhir/Client/orphan-integration')).allowed).toBe(false);
    expect((await allowed(dev, 'POST /fhir')).allowed).toBe(false);
    expect((await allowed(dev, 'POST /auth/test-policy')).allowed).toBe(false);
    expect(await allowed(dev, 'GET /fhir/Client')).toEqual({ allowed: true, by: ['developer-sandbox'] });
  });
});

describe('demo policies', () => {
  it('the security reviewer reads configuration and history but changes nothing', async () => {
    const reviewer = await who('aidbox-console', 'reviewer');
    expect((await allowed(reviewer, 'GET /fhir/AccessPolicy/ops-allow-all')).allowed).toBe(true);
    expect((await allowed(reviewer, 'GET /fhir/Client/demo-backend/_history')).allowed).toBe(true);
    expect((await allowed(reviewer, 'PUT /fhir/Client/demo-backend')).allowed).toBe(false);
  });

  it('sql: analytics clients of the Data Platform team may only read', async () => {
    const analytics = await who('analytics-platform');
    expect(await allowed(analytics, 'GET /fhir/Patient')).toEqual({
      allowed: true,
      by: ['analytics-read-only'],
    });
    expect((await allowed(analytics, 'POST /fhir/Patient')).allowed).toBe(false);
  });

  it('complex and: the HIE may search but never with _include', async () => {
    const hie = await who('hie-gateway');
    expect((await allowed(hie, 'GET /fhir/Patient?name=x')).allowed).toBe(true);
    expect((await allowed(hie, 'GET /fhir/Patient?_include=Patient:organization')).allowed).toBe(false);
  });

  it('the mixed link opens FhirCreate on lab resources to any caller, even the orphan', async () => {
    const orphan = await who('orphan-integration');
    expect(await allowed(orphan, 'POST /fhir/Observation')).toEqual({
      allowed: true,
      by: ['lab-results-mixed-link'],
    });
    expect((await allowed(orphan, 'GET /fhir/Observation')).allowed).toBe(false);
  });

  it('allow: the ops script can do anything', async () => {
    expect((await allowed(await who('ops-superuser-script'), 'DELETE /fhir/Patient/p1')).allowed).toBe(true);
  });

  it('user-linked matcho with a path comparison: a patient reads only their own record', async () => {
    const jane = await who('aidbox-console', 'patient-jane');
    expect((await allowed(jane, 'GET /fhir/Patient/jane-doe')).by).toEqual(['patient-own-record']);
    expect((await allowed(jane, 'GET /fhir/Patient/someone-else')).allowed).toBe(false);
  });

  it('clinician apps need a clinician user; the admin dashboard needs a service-desk user', async () => {
    expect((await allowed(await who('clinical-viewer', 'dr-smith'), 'GET /fhir/Observation')).allowed).toBe(
      true,
    );
    expect((await allowed(await who('clinical-viewer', 'developer'), 'GET /fhir/Observation')).allowed).toBe(
      false,
    );
    const desk: Resource = { resourceType: 'User', id: 'desk', data: { role: 'service-desk' } };
    expect((await allowed(await who('admin-dashboard', desk), 'GET /fhir/Session')).by).toEqual([
      'admin-dashboard-support',
    ]);
    expect((await allowed(await who('admin-dashboard', 'developer'), 'GET /fhir/Session')).allowed).toBe(
      false,
    );
  });

  it('global policies apply to every caller', async () => {
    const orphan = await who('orphan-integration');
    expect((await allowed(orphan, 'GET /fhir/metadata')).by).toEqual(['global-metadata-read']);
    expect((await allowed(orphan, 'GET /fhir/Operation')).by).toEqual(['global-read-operations']);
  });
});
