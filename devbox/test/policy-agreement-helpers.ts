// Both sides of the agreement tests: devbox's decision for a described request, made the way
// POST /auth/test-policy makes it (in process, for the exhaustive comparisons, and over HTTP for a
// sample that proves the in-process path is the endpoint's), and the console's own evaluator.
import type { EvalOutcome } from '../../src/domain/effective-access-cells.ts';
import { requestFor, type Interaction } from '../../src/domain/effective-access.ts';
import { requestObjectFor } from '../../src/domain/effective-access-local.ts';
import { evaluateRule as consoleRule } from '../../src/domain/policy-eval/evaluate.ts';
import { evaluateRule } from '../policy/evaluate.ts';
import { buildRequest } from '../policy/request.ts';
import type { Resource, Store } from '../store/types.ts';
import type { TestDevbox } from '../testing/start.ts';

export const INTERACTIONS: Interaction[] = ['read', 'search', 'create', 'update', 'delete', 'transaction'];

export interface Probe {
  resourceType: string;
  interaction: Interaction;
  client: Resource | undefined;
}

/** Every (type, interaction) once; transaction is one request whatever the type. */
export function probes(types: readonly string[], clients: readonly (Resource | undefined)[]): Probe[] {
  const out: Probe[] = [];
  for (const client of clients)
    for (const interaction of INTERACTIONS)
      for (const resourceType of interaction === 'transaction' ? ['*'] : types)
        out.push({ resourceType, interaction, client });
  return out;
}

export async function devboxInProcess(store: Store, policy: Resource, p: Probe): Promise<boolean> {
  const r = requestFor(p.resourceType, p.interaction);
  const request = buildRequest({
    method: r['request-method'],
    path: r.uri,
    query: new URLSearchParams(),
    headers: {},
    body: r.body,
    user: undefined,
    client: p.client,
    jwt: undefined,
    session: undefined,
    remoteAddr: undefined,
    scheme: 'http',
  });
  return (await evaluateRule(store, policy, request))['eval-result'];
}

/** `result.eval-result` or `result.evalResult` (both spellings Aidbox's docs use). */
export function evalResultOf(body: unknown): boolean | undefined {
  const result = (body as { result?: Record<string, unknown> } | null)?.result;
  const v = result?.['eval-result'] ?? result?.evalResult;
  return typeof v === 'boolean' ? v : undefined;
}

export async function devboxOverHttp(box: TestDevbox, auth: string, policy: Resource, p: Probe) {
  const r = requestFor(p.resourceType, p.interaction);
  const res = await fetch(`${box.url}/auth/test-policy`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      request: { ...r, ...(p.client ? { 'client-id': p.client.id } : {}) },
      policy,
    }),
  });
  return evalResultOf(await res.json());
}

export function consoleOutcome(policy: Resource, p: Probe): EvalOutcome {
  const v = consoleRule(policy, requestObjectFor(p.resourceType, p.interaction, p.client));
  return v.kind === 'decided' ? v.result : { needsAidbox: v.reason };
}

export async function bearerFor(box: TestDevbox, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${box.url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  const body = (await res.json()) as { access_token?: string };
  return body.access_token ? `Bearer ${body.access_token}` : box.rootBasic;
}
