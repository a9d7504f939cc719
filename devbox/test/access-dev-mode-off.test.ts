// Without BOX_SECURITY_DEV_MODE the debug facilities are refused with a hint how to enable them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestDevbox, type TestDevbox } from '../testing/start.ts';
import { api } from './auth-helpers.ts';

let box: TestDevbox;
beforeAll(async () => {
  box = await startTestDevbox({ devMode: false });
});
afterAll(async () => box?.stop());

it('refuses __debug=policy and _debug=policy', async () => {
  for (const p of ['__debug', '_debug']) {
    const res = await api(box, `/fhir/Client?${p}=policy`, box.rootBasic);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toContain('BOX_SECURITY_DEV_MODE=true');
    expect(res.body).not.toHaveProperty('request');
  }
  expect((await api(box, '/fhir/Client', box.rootBasic)).status).toBe(200);
});

it('answers 404 for /auth/test-policy', async () => {
  const res = await fetch(`${box.url}/auth/test-policy`, {
    method: 'POST',
    headers: { authorization: box.rootBasic, 'content-type': 'application/json' },
    body: JSON.stringify({
      request: { uri: '/fhir/Client', 'request-method': 'get' },
      policy: { engine: 'allow' },
    }),
  });
  expect(res.status).toBe(404);
  expect(await res.text()).toContain('BOX_SECURITY_DEV_MODE=true');
});
