/**
 * Effective access (issue 7 §2–4): which (resource type × interaction) cells a Client may use, as
 * decided by Aidbox's own policy evaluation. This module plans the evaluations and folds their
 * results; the page sends each planned evaluation to `POST /auth/test-policy`.
 *
 * Why a plan: 200 Clients × 20 types × 6 interactions is 24,000 cells, times every candidate policy.
 * A policy whose rule never mentions `client` gives the same answer for every Client, so it is
 * evaluated once per (type, interaction) and shared; only client-dependent policies are evaluated
 * per Client. Results are keyed by the versions of the policy and Client involved, so a cache keyed
 * the same way is valid until one of them changes.
 */
import type { PolicyResource } from './matrix.ts';
import { candidatesFor } from './policy-eval/candidates.ts';

export const INTERACTIONS = ['read', 'search', 'create', 'update', 'delete', 'transaction'] as const;
export type Interaction = (typeof INTERACTIONS)[number];

/** Aidbox operation ids (aidbox-api.md §2.4; devbox README "Operation ids"). */
export const OPERATION_ID: Record<Interaction, string> = {
  read: 'FhirRead',
  search: 'FhirSearch',
  create: 'FhirCreate',
  update: 'FhirUpdate',
  delete: 'FhirDelete',
  transaction: 'FhirTransaction',
};

/** The 20 resource types a review looks at by default: configuration first, then clinical data. */
export const DEFAULT_RESOURCE_TYPES = [
  'Client',
  'AccessPolicy',
  'User',
  'Session',
  'Patient',
  'Practitioner',
  'Encounter',
  'Observation',
  'Condition',
  'DiagnosticReport',
  'ServiceRequest',
  'MedicationRequest',
  'AllergyIntolerance',
  'Procedure',
  'Immunization',
  'DocumentReference',
  'Appointment',
  'Claim',
  'Coverage',
  'Organization',
] as const;

/** The request Aidbox's evaluation sees (aidbox-api.md §2.4), without the caller's identity. */
export interface DescribedRequest {
  uri: string;
  'request-method': string;
  body?: unknown;
}

/** A transaction Bundle goes to `/fhir` whatever it contains, so that column has one request. */
export const ANY_TYPE = '*';

export function typeFor(resourceType: string, interaction: Interaction): string {
  return interaction === 'transaction' ? ANY_TYPE : resourceType;
}

export function requestFor(resourceType: string, interaction: Interaction): DescribedRequest {
  const t = encodeURIComponent(resourceType);
  switch (interaction) {
    case 'read':
      return { uri: `/fhir/${t}/audit-probe`, 'request-method': 'get' };
    case 'search':
      return { uri: `/fhir/${t}`, 'request-method': 'get' };
    case 'create':
      return { uri: `/fhir/${t}`, 'request-method': 'post', body: { resourceType } };
    case 'update':
      return {
        uri: `/fhir/${t}/audit-probe`,
        'request-method': 'put',
        body: { resourceType, id: 'audit-probe' },
      };
    case 'delete':
      return { uri: `/fhir/${t}/audit-probe`, 'request-method': 'delete' };
    case 'transaction':
      return {
        uri: '/fhir',
        'request-method': 'post',
        body: { resourceType: 'Bundle', type: 'transaction', entry: [] },
      };
  }
}

/**
 * Whether a policy's outcome can depend on the calling Client. Conservative: any mention of
 * `client` in the rule (matcho key, `{{client.id}}` in SQL, a json-schema property, `.client` refs,
 * nested complex rules) counts, and so do json-schema keywords that count or constrain the request's
 * keys. Only the link, description and bookkeeping fields are ignored.
 */
export function dependsOnClient(policy: PolicyResource): boolean {
  const known = dependence.get(policy);
  if (known !== undefined) return known;
  const { link: _link, description: _d, meta: _m, id: _id, resourceType: _rt, ...rule } = policy;
  const result = CLIENT_SENSITIVE.test(JSON.stringify(rule));
  dependence.set(policy, result);
  return result;
}

/**
 * `client` anywhere, or a json-schema keyword that looks at which keys the request has (a request
 * with a Client has one key more than one without).
 */
const CLIENT_SENSITIVE =
  /client|additionalProperties|patternProperties|propertyNames|minProperties|maxProperties/;

/** Memo: the same policy object is asked about once per cell, tens of thousands of times. */
const dependence = new WeakMap<PolicyResource, boolean>();

/**
 * The candidate policies for a Client calling an interaction (aidbox-api.md §2.3): global ones, those
 * linked to the Client, and those linked to the interaction's Operation (link entries are OR-ed, so
 * an Operation link applies to every caller). User-linked policies need a signed-in User and are
 * left out: this is the Client's own access. Sorted by id, the order devbox decides in.
 */
export function candidatePolicies(
  policies: readonly PolicyResource[],
  clientId: string,
  interaction: Interaction,
): PolicyResource[] {
  return candidatesFor(policies, { clientId, operationId: OPERATION_ID[interaction] });
}

export interface ClientRef {
  id: string;
  versionId?: string | undefined;
}

/** One `test-policy` call: a policy, a request, and the Client to put in it (or none when irrelevant). */
export interface Evaluation {
  key: string;
  policy: PolicyResource;
  clientId: string | undefined;
  resourceType: string;
  interaction: Interaction;
}

export function evaluationKey(
  policy: PolicyResource,
  client: ClientRef | undefined,
  resourceType: string,
  interaction: Interaction,
): string {
  const p = `${policy.id ?? ''}@${policy.meta?.versionId ?? '?'}`;
  const c = client ? `${client.id}@${client.versionId ?? '?'}` : '*';
  return `${p}|${c}|${typeFor(resourceType, interaction)}|${interaction}`;
}

/** The key under which one cell reads a candidate policy's result. */
export function keyForCell(
  policy: PolicyResource,
  client: ClientRef,
  resourceType: string,
  interaction: Interaction,
): string {
  return evaluationKey(policy, dependsOnClient(policy) ? client : undefined, resourceType, interaction);
}

/** Every distinct evaluation the cells need, shared across Clients where the outcome cannot differ. */
export function planEvaluations(
  clients: readonly ClientRef[],
  policies: readonly PolicyResource[],
  resourceTypes: readonly string[],
  interactions: readonly Interaction[],
): Evaluation[] {
  const out = new Map<string, Evaluation>();
  for (const interaction of interactions) {
    const types = interaction === 'transaction' ? [resourceTypes[0] ?? ANY_TYPE] : resourceTypes;
    for (const client of clients) {
      for (const policy of candidatePolicies(policies, client.id, interaction)) {
        const perClient = dependsOnClient(policy);
        for (const resourceType of types) {
          const key = evaluationKey(policy, perClient ? client : undefined, resourceType, interaction);
          if (!out.has(key)) {
            out.set(key, {
              key,
              policy,
              clientId: perClient ? client.id : undefined,
              resourceType: typeFor(resourceType, interaction),
              interaction,
            });
          }
        }
      }
    }
  }
  return [...out.values()];
}
