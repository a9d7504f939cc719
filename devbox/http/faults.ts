// Fault injection for browser tests. Mounted only when config.faults (DEVBOX_FAULTS=1 at start);
// there is no runtime switch, so a normal devbox ignores the header entirely.
import type { MiddlewareHandler } from 'hono';
import type { DevboxEnv } from './fhir-env.ts';
import { fail } from './outcome.ts';

export const FAULT_HEADER = 'x-devbox-fault';
const MAX_LATENCY_MS = 60_000;

type Fault = { kind: 'latency'; ms: number } | { kind: 'status'; status: number } | { kind: 'drop' };

/** Parses `latency=2000`, `status=503` or `drop`; anything else is ignored. */
export function parseFault(raw: string | undefined): Fault | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value === 'drop') return { kind: 'drop' };
  const m = /^(latency|status)=(\d+)$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (m[1] === 'latency') return { kind: 'latency', ms: Math.min(n, MAX_LATENCY_MS) };
  return n >= 400 && n <= 599 ? { kind: 'status', status: n } : undefined;
}

export function faults(): MiddlewareHandler<DevboxEnv> {
  return async (c, next) => {
    const fault = parseFault(c.req.header(FAULT_HEADER));
    if (!fault) return next();
    if (fault.kind === 'drop') {
      c.env.incoming.socket.destroy();
      // The socket is gone; this response is never written.
      return c.body(null, 500);
    }
    if (fault.kind === 'status') {
      return fail(c, fault.status as 500, 'transient', `Injected fault: status ${fault.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, fault.ms));
    return next();
  };
}
