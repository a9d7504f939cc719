import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

let box: TestDevbox;
beforeAll(async () => {
  box = await startTestDevbox({ faults: true, corsOrigins: '*' });
});
afterAll(() => box.stop());

const get = (fault: string) =>
  fetch(`${box.url}/fhir/Client`, { headers: { Authorization: box.rootBasic, 'x-devbox-fault': fault } });

describe('fault injection (DEVBOX_FAULTS=1)', () => {
  it('status=503 answers 503 with an OperationOutcome', async () => {
    const res = await get('status=503');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('latency=N delays the response by at least N ms and then serves it', async () => {
    const started = Date.now();
    const res = await get('latency=300');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drop destroys the connection', async () => {
    await expect(get('drop')).rejects.toThrow();
  });

  it('without the header requests are served normally', async () => {
    expect(
      (await fetch(`${box.url}/fhir/Client`, { headers: { Authorization: box.rootBasic } })).status,
    ).toBe(200);
  });

  it('"*" echoes the Origin and preflights allow the fault header', async () => {
    const res = await fetch(`${box.url}/fhir/Client`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://anything.test', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://anything.test');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-devbox-fault');
  });
});
