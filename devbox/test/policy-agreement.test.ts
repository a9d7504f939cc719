// Issue 11 §6: the console's policy evaluator (src/domain/policy-eval) agrees with devbox's
// /auth/test-policy on every (Client, policy, interaction, resource type) it can evaluate, for the
// demo data and for 600 generated policies covering every engine and matcho operator. The
// exhaustive comparison runs devbox's evaluation in process, exactly as the endpoint builds it;
// a sample also goes over HTTP to prove the in-process path is the endpoint's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESOURCE_TYPES } from '../../src/domain/effective-access.ts';
import { MATCHO_OPERATORS } from '../../src/domain/policy-eval/matcho.ts';
import { prng } from '../seed/scale.ts';
import type { Resource } from '../store/types.ts';
import { startTestDevbox, TEST_ROOT_SECRET, type TestDevbox } from '../testing/start.ts';
import { putClient, putPolicy } from './auth-helpers.ts';
import { agreementClients, agreementPolicies, AGREEMENT_TYPES } from './policy-agreement-gen.ts';
import {
  bearerFor,
  consoleOutcome,
  devboxInProcess,
  devboxOverHttp,
  probes,
  type Probe,
} from './policy-agreement-helpers.ts';

let box: TestDevbox;
let auth: string;
beforeAll(async () => {
  box = await startTestDevbox({ devMode: true, seed: 'demo' });
  auth = await bearerFor(box, 'root', TEST_ROOT_SECRET);
});
afterAll(async () => box?.stop());

interface Tally {
  compared: number;
  needsAidbox: number;
  disagreements: string[];
}

async function compareAll(policies: readonly Resource[], all: readonly Probe[]): Promise<Tally> {
  const tally: Tally = { compared: 0, needsAidbox: 0, disagreements: [] };
  for (const policy of policies) {
    for (const p of all) {
      const local = consoleOutcome(policy, p);
      if (typeof local !== 'boolean') {
        tally.needsAidbox++;
        continue;
      }
      const server = await devboxInProcess(box.ctx.store, policy, p);
      tally.compared++;
      if (server !== local && tally.disagreements.length < 20)
        tally.disagreements.push(
          `${policy.id} ${p.interaction} ${p.resourceType} as ${p.client?.id ?? '—'}: console ${local}, devbox ${server} — ${JSON.stringify(policy)}`,
        );
    }
  }
  return tally;
}

/** The same comparison over HTTP for `n` (policy, probe) pairs spread by a seeded PRNG. */
async function compareOverHttp(policies: readonly Resource[], all: readonly Probe[], n: number) {
  const rng = prng(7);
  const wrong: string[] = [];
  let compared = 0;
  for (let i = 0; i < n; i++) {
    const policy = policies[Math.floor(rng() * policies.length)] as Resource;
    const p = all[Math.floor(rng() * all.length)] as Probe;
    const local = consoleOutcome(policy, p);
    const server = await devboxOverHttp(box, auth, policy, p);
    expect(server, 'test-policy answered an eval-result').toBeTypeOf('boolean');
    if (server !== (await devboxInProcess(box.ctx.store, policy, p)))
      wrong.push(`in-process ≠ HTTP: ${policy.id}`);
    if (typeof local !== 'boolean') continue;
    compared++;
    if (local !== server)
      wrong.push(`${policy.id} ${p.interaction} ${p.resourceType}: console ${local}, HTTP ${server}`);
  }
  return { compared, wrong };
}

describe('console evaluator == devbox /auth/test-policy', () => {
  it('on the demo data: every Client × policy × interaction × resource type', async () => {
    const clients = await box.ctx.store.list('Client');
    const policies = await box.ctx.store.list('AccessPolicy');
    const all = probes(DEFAULT_RESOURCE_TYPES, clients);
    const tally = await compareAll(policies, all);
    expect(tally.disagreements).toEqual([]);
    // Only the sql policies (and complex ones that need their sql part) are left to Aidbox.
    expect(tally.compared).toBeGreaterThan(tally.needsAidbox * 3);
    const http = await compareOverHttp(policies, all, 80);
    expect(http.wrong).toEqual([]);
    expect(http.compared).toBeGreaterThan(40);
  });

  it('on 600 generated policies with every engine and matcho operator', async () => {
    const policies = agreementPolicies(600);
    const text = JSON.stringify(policies);
    for (const needle of [...MATCHO_OPERATORS, 'present?', 'nil?', 'not-blank?', '"#', '".client', '"allow"', '"json-schema"', '"sql"', '"complex"', '"and"', '"or"'])
      expect(text, `the generated set uses ${needle}`).toContain(needle); // prettier-ignore
    const clients: Resource[] = [];
    for (const c of agreementClients()) clients.push(await putClient(box, c, 'agreement-secret'));
    const all = probes(AGREEMENT_TYPES, [...clients, undefined]);
    const tally = await compareAll(policies, all);
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBeGreaterThan(500 * all.length * 0.75);
    // Both outcomes occur often enough for the comparison to mean something.
    const outcomes = policies.flatMap((pol) => all.map((p) => consoleOutcome(pol, p)));
    expect(outcomes.filter((o) => o === true).length).toBeGreaterThan(outcomes.length * 0.1);
    expect(outcomes.filter((o) => o === false).length).toBeGreaterThan(outcomes.length * 0.1);
    for (const p of policies.slice(0, 40)) await putPolicy(box, { ...p, id: p.id });
    const http = await compareOverHttp(policies, all, 120);
    expect(http.wrong).toEqual([]);
  });
});
