// CORS as docs/access-control/security-hardening.md describes it: enabled by default, requested
// headers reflected in preflights, and BOX_SECURITY_CORS_ENABLED=false sends no CORS headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromArgs } from '../server-config.ts';
import { startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

let on: TestDevbox;
let off: TestDevbox;
const ORIGIN = 'http://console.test';

beforeAll(async () => {
  on = await startTestDevbox();
  off = await startTestDevbox({ corsEnabled: false });
});
afterAll(async () => Promise.all([on.stop(), off.stop()]));

const preflight = (box: TestDevbox, headers: string) =>
  fetch(`${box.url}/fhir/Client`, {
    method: 'OPTIONS',
    headers: {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': headers,
    },
  });

describe('CORS', () => {
  it('reflects the requested headers in a preflight, with credentials', async () => {
    const res = await preflight(on, 'authorization, content-type, if-match, x-custom-trace');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, if-match, x-custom-trace',
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('never reflects a malformed header list', async () => {
    const res = await preflight(on, 'authorization; evil="x"');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(res.headers.get('access-control-allow-headers')).not.toContain('evil');
  });

  it('BOX_SECURITY_CORS_ENABLED=false: no CORS headers on preflights or responses; the API still answers', async () => {
    const pre = await preflight(off, 'authorization');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${off.url}/health`, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the environment variable is read (default true, false disables)', () => {
    expect(configFromArgs([], {}).corsEnabled).toBe(true);
    expect(configFromArgs([], { BOX_SECURITY_CORS_ENABLED: 'false' }).corsEnabled).toBe(false);
    expect(configFromArgs([], { BOX_SECURITY_CORS_ENABLED: 'true' }).corsEnabled).toBe(true);
  });
});
