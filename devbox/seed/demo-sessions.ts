// Past and current demo Sessions, so "last used" and "no Session in N days" findings have data:
// some Clients were used minutes ago, some months ago, some never (orphan-integration, the
// inactive fax server, most SMART apps). They carry no token hashes, so no token can ever resolve
// to them: they are history, not credentials.
import type { Resource } from '../store/types.ts';
import type { DemoEnv } from './demo-util.ts';

type Grant = 'authorization_code' | 'client_credentials' | 'password' | 'implicit';

interface Spec {
  client: string;
  user?: string;
  type: Grant;
  /** Start, in hours before seeding. */
  hoursAgo: number;
  /** Access token lifetime in seconds. */
  ttl: number;
  /** The user logged out (Session closed) this many hours after start. */
  endedAfter?: number;
  scope?: string[];
}

const SPECS: Spec[] = [
  { client: 'ehr-integration', type: 'client_credentials', hoursAgo: 0.2, ttl: 900 },
  { client: 'patient-mobile', user: 'patient-jane', type: 'authorization_code', hoursAgo: 0.5, ttl: 900 },
  { client: 'clinical-viewer', user: 'dr-smith', type: 'authorization_code', hoursAgo: 3, ttl: 600 },
  {
    client: 'analytics-platform',
    type: 'client_credentials',
    hoursAgo: 8,
    ttl: 600,
    scope: ['system/*.read'],
  },
  {
    client: 'aidbox-console',
    user: 'admin',
    type: 'authorization_code',
    hoursAgo: 26,
    ttl: 900,
    endedAfter: 1,
    scope: ['openid'],
  },
  { client: 'patient-portal', user: 'patient-jane', type: 'authorization_code', hoursAgo: 50, ttl: 900 },
  { client: 'legacy-kiosk', user: 'dr-smith', type: 'password', hoursAgo: 72, ttl: 3600 },
  { client: 'fax-gateway', type: 'client_credentials', hoursAgo: 75, ttl: 2_592_000 },
  { client: 'demo-backend', type: 'client_credentials', hoursAgo: 120, ttl: 300 },
  { client: 'legacy-spa-implicit', user: 'patient-jane', type: 'implicit', hoursAgo: 480, ttl: 3600 },
  { client: 'research-export-tool', type: 'client_credentials', hoursAgo: 960, ttl: 3600 },
  { client: 'retired-telehealth', user: 'dr-smith', type: 'authorization_code', hoursAgo: 2900, ttl: 3600 },
  { client: 'claims-adjudicator', type: 'client_credentials', hoursAgo: 4800, ttl: 600 },
];

export function demoSessions(env: DemoEnv, iss: string): Resource[] {
  return SPECS.map((s, i) => {
    const start = env.now - s.hoursAgo * 3_600_000;
    const exp = Math.floor(start / 1000) + s.ttl;
    const ended = s.endedAfter === undefined ? undefined : start + s.endedAfter * 3_600_000;
    const live = ended === undefined && exp * 1000 > env.now;
    return {
      resourceType: 'Session',
      id: `demo-session-${String(i + 1).padStart(2, '0')}`,
      type: s.type,
      active: live,
      start: new Date(start).toISOString(),
      ...(ended === undefined ? {} : { end: new Date(ended).toISOString() }),
      exp,
      iss,
      client: { reference: `Client/${s.client}` },
      ...(s.user ? { user: { reference: `User/${s.user}` } } : {}),
      ...(s.scope ? { scope: s.scope } : {}),
    };
  });
}
