// Generated AccessPolicies and Clients for the agreement tests (issue 11 §6): every engine, every
// documented matcho operator and the json-schema keywords policies use, over request fields whose
// values the generated Clients and probe requests really vary, so both outcomes occur often.
import { prng } from '../seed/scale.ts';
import type { Resource } from '../store/types.ts';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

export const AGREEMENT_TYPES = ['Patient', 'Observation', 'Client'] as const;
const TYPES = [...AGREEMENT_TYPES, 'Encounter'];
const METHODS = ['get', 'post', 'put', 'delete'];
const OPS = ['FhirRead', 'FhirSearch', 'FhirCreate', 'FhirUpdate', 'FhirDelete', 'FhirTransaction'];
const TEAMS = ['red', 'blue', 'green'];
const TAGS = ['t1', 't2', 't3', 'x9'];

export function agreementClients(): Resource[] {
  return [
    { resourceType: 'Client', id: 'agree-a', name: 'A', grant_types: ['client_credentials', 'basic'], details: { team: 'red', level: 3, tags: ['t1', 't2'], home: 'p1' } },
    { resourceType: 'Client', id: 'agree-b', name: '', grant_types: ['client_credentials'], details: { team: 'blue', level: 1, tags: ['t2', 't1', 'x9'] }, active: false },
    { resourceType: 'Client', id: 'agree-c', name: 'C', grant_types: ['authorization_code'], details: { team: 'green', tags: [] }, first_party: true },
    { resourceType: 'Client', id: 'agree-d', grant_types: [], details: { team: 'red', level: '3', tags: ['t3'], home: 'audit-probe' } },
  ]; // prettier-ignore
}

/** One matcho constraint; `g` builds nested patterns for $not / $one-of. */
function atom(rng: Rng, g: (rng: Rng) => Record<string, unknown>): Record<string, unknown> {
  switch (Math.floor(rng() * 26)) {
    case 0: return { 'request-method': pick(rng, METHODS) };
    case 1: return { 'request-method': { $enum: [pick(rng, METHODS), pick(rng, METHODS)] } };
    case 2: return { operation: { id: pick(rng, OPS) } };
    case 3: return { operation: { id: { $enum: [pick(rng, OPS), pick(rng, OPS)] } } };
    case 4: return { params: { 'resource/type': pick(rng, TYPES) } };
    case 5: return { uri: pick(rng, ['#^/fhir/Patient', '#audit-probe$', '#^/fhir$', '#/(Observation|Client)']) };
    case 6: return { client: { id: pick(rng, ['agree-a', 'agree-b', 'agree-c', 'agree-d']) } };
    case 7: return { client: { details: { team: pick(rng, TEAMS) } } };
    case 8: return { client: { grant_types: { $contains: pick(rng, ['basic', 'client_credentials']) } } };
    case 9: return { client: { grant_types: [pick(rng, ['client_credentials', 'authorization_code'])] } };
    case 10: return { client: { details: { tags: { '$present-all': [pick(rng, TAGS), pick(rng, TAGS)] } } } };
    case 11: return { client: { details: { tags: { $length: Math.floor(rng() * 4) } } } };
    case 12: return { client: { details: { tags: { $every: pick(rng, ['#^t', 't2']) } } } };
    case 13: return { body: { subject: { $reference: { resourceType: pick(rng, ['Patient', 'Group']) } } } };
    case 14: return { resource: { code: { coding: { $contains: { system: pick(rng, ['loinc', 'snomed']) } } } } };
    case 15: return { user: pick(rng, ['nil?', 'present?']) };
    case 16: return { body: pick(rng, ['present?', 'nil?']) };
    case 17: return { client: { name: 'not-blank?' } };
    case 18: return { params: { 'resource/id': pick(rng, ['.client.details.home', 'present?', 'audit-probe']) } };
    case 19: return { $not: g(rng) };
    case 20: return { '$one-of': [g(rng), g(rng)] };
    case 21: return { client: { details: { level: pick(rng, [1, 3, '3']) } } };
    case 22: return { client: { active: pick(rng, [false, true, 'nil?']) } };
    case 23: return { body: { resourceType: '.params.resource/type' } };
    case 24: return { client: { details: { tags: [pick(rng, TAGS)] } } };
    default: return { client: { first_party: pick(rng, [true, 'present?']) } };
  }
} // prettier-ignore

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    const both = (x: unknown): x is Record<string, unknown> =>
      typeof x === 'object' && x !== null && !Array.isArray(x);
    out[k] = both(prev) && both(v) ? merge(prev, v) : v;
  }
  return out;
}

export function matchoPattern(rng: Rng, depth = 0): Record<string, unknown> {
  const g = (r: Rng) => (depth < 2 ? matchoPattern(r, depth + 1) : atom(r, () => ({ user: 'nil?' })));
  let p = atom(rng, g);
  const more = Math.floor(rng() * 3);
  for (let i = 0; i < more; i++) p = merge(p, atom(rng, g));
  return p;
}

function schema(rng: Rng): Record<string, unknown> {
  switch (Math.floor(rng() * 10)) {
    case 0: return { required: [pick(rng, ['body', 'user', 'client', 'params'])] };
    case 1: return { properties: { 'request-method': { enum: [pick(rng, METHODS), pick(rng, METHODS)] } } };
    case 2: return { required: ['params'], properties: { params: { required: ['resource/type'], properties: { 'resource/type': { const: pick(rng, TYPES) } } } } };
    case 3: return { not: { required: [pick(rng, ['body', 'resource'])] } };
    case 4: return { anyOf: [schema(rng), schema(rng)] };
    case 5: return { properties: { uri: { type: 'string', pattern: pick(rng, ['^/fhir/P', 'probe$']) } } };
    case 6: return { properties: { client: { properties: { grant_types: { minItems: Math.floor(rng() * 3), items: { type: 'string' } } } } } };
    case 7: return { properties: { client: { properties: { details: { properties: { level: { type: 'integer', minimum: 2 } } } } } } };
    case 8: return { allOf: [schema(rng), schema(rng)] };
    default: return { type: 'object', properties: { operation: { properties: { id: { enum: [pick(rng, OPS)] } } } } };
  }
} // prettier-ignore

function rule(rng: Rng, depth: number): Record<string, unknown> {
  const r = rng();
  if (r < 0.05) return { engine: 'allow' };
  if (r < 0.55) return { engine: 'matcho', matcho: matchoPattern(rng) };
  if (r < 0.78) return { engine: 'json-schema', schema: { type: 'object', ...schema(rng) } };
  if (r < 0.85)
    return { engine: 'sql', sql: { query: `SELECT {{params.resource/type}}::text = '${pick(rng, TYPES)}'` } };
  if (depth > 1) return { engine: 'matcho', matcho: matchoPattern(rng) };
  const subs = Array.from({ length: 2 + Math.floor(rng() * 2) }, () => rule(rng, depth + 1));
  return { engine: 'complex', [rng() < 0.5 ? 'and' : 'or']: subs };
}

/** `count` policies (deterministic for a seed), every engine and operator among them. */
export function agreementPolicies(count: number, seed = 11): Resource[] {
  const rng = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    resourceType: 'AccessPolicy',
    id: `agree-${String(i).padStart(4, '0')}`,
    ...rule(rng, 0),
  }));
}
