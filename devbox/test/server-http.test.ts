import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

const ALLOWED = 'http://console.allowed.test';
const OTHER = 'http://evil.test';

let box: TestDevbox;
beforeAll(async () => {
  box = await startTestDevbox({ corsOrigins: [ALLOWED, 'http://second.test'] });
});
afterAll(() => box.stop());

const preflight = (origin: string) =>
  fetch(`${box.url}/fhir/Client/x`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'authorization, if-match, content-type',
    },
  });

describe('health', () => {
  it("answers the browser's automatic /favicon.ico with 204, not a 404", async () => {
    const res = await fetch(`${box.url}/favicon.ico`);
    expect(res.status).toBe(204);
  });

  it('GET /health answers 200 pass', async () => {
    const res = await fetch(`${box.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'pass' });
  });

  it('unknown paths are 404 OperationOutcomes', async () => {
    const res = await fetch(`${box.url}/nope`, { headers: { Authorization: box.rootBasic } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});

describe('CORS with an origin list', () => {
  it('answers a preflight from an allowed origin', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'if-match', 'content-type']) expect(allowHeaders).toContain(h);
    expect(allowHeaders).not.toContain('x-devbox-fault');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('exposes ETag, Location and Last-Modified to an allowed origin', async () => {
    const res = await fetch(`${box.url}/fhir/Client`, {
      method: 'POST',
      headers: { Origin: ALLOWED, Authorization: box.rootBasic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ resourceType: 'Client', id: 'cors-1' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['ETag', 'Location', 'Last-Modified']) expect(exposed).toContain(h);
  });

  it('gives other origins no CORS headers at all', async () => {
    const pre = await preflight(OTHER);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
    const res = await fetch(`${box.url}/fhir/Client`, {
      headers: { Origin: OTHER, Authorization: box.rootBasic },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
  });
});

describe('fault injection is off unless DEVBOX_FAULTS=1', () => {
  it('ignores the x-devbox-fault header', async () => {
    const res = await fetch(`${box.url}/health`, { headers: { 'x-devbox-fault': 'status=503' } });
    expect(res.status).toBe(200);
    const dropped = await fetch(`${box.url}/health`, { headers: { 'x-devbox-fault': 'drop' } });
    expect(dropped.status).toBe(200);
  });
});
