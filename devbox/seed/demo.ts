// The demo data set as one list, in write order (Clients and Users before the policies that link
// them, so a store that checks references never sees a dangling one).
import { RESOURCE_TYPES, type Resource, type ResourceType } from '../store/types.ts';
import { appDemoClients } from './demo-clients-apps.ts';
import { backendDemoClients } from './demo-clients-backend.ts';
import { riskyDemoClients } from './demo-clients-risky.ts';
import { otherPolicies } from './demo-policies-other.ts';
import { clientPolicies } from './demo-policies.ts';
import { demoSessions } from './demo-sessions.ts';
import { demoUsers } from './demo-users.ts';
import type { DemoEnv } from './demo-util.ts';

export function demoClients(env: DemoEnv): Resource[] {
  return [...backendDemoClients(env), ...appDemoClients(env), ...riskyDemoClients(env)];
}

/** `iss` is the devbox base URL, recorded on Sessions as Aidbox does. */
export function demoResources(env: DemoEnv, iss = 'http://127.0.0.1:8888'): Resource[] {
  return [...demoClients(env), ...demoUsers(), ...demoPolicies(), ...demoSessions(env, iss)];
}

export function demoPolicies(): Resource[] {
  return [...clientPolicies(), ...otherPolicies()];
}

/** The Store wants a ResourceType; demo data is typed as plain Resources, so check once here. */
export function resourceTypeOf(r: Resource): ResourceType {
  const t = RESOURCE_TYPES.find((x) => x === r.resourceType);
  if (!t) throw new Error(`demo data: unknown resourceType ${r.resourceType}`);
  return t;
}
