// Operation resources for the FHIR REST routes devbox serves. Real Aidbox ships these built in, and
// AccessPolicy.link may point at them ("Operation/FhirRead"), so devbox creates them on every start
// (ensureBootstrap): a link to an Operation must resolve even with `--seed none`.
// `request` mirrors Aidbox's route notation: method, path segments, and {name} for route params.
import type { Resource } from '../store/types.ts';

type Segment = string | { name: string };

interface OperationDef {
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: Segment[];
  description: string;
}

const TYPE = { name: 'resource/type' };
const ID = { name: 'resource/id' };

const DEFS: OperationDef[] = [
  { id: 'FhirMetadata', method: 'get', path: ['fhir', 'metadata'], description: 'CapabilityStatement.' },
  { id: 'FhirRead', method: 'get', path: ['fhir', TYPE, ID], description: 'Read a resource by id.' },
  {
    id: 'FhirVread',
    method: 'get',
    path: ['fhir', TYPE, ID, '_history', { name: '_version-id' }],
    description: 'Read one version of a resource.',
  },
  { id: 'FhirSearch', method: 'get', path: ['fhir', TYPE], description: 'Search resources of a type.' },
  { id: 'FhirCreate', method: 'post', path: ['fhir', TYPE], description: 'Create a resource.' },
  { id: 'FhirUpdate', method: 'put', path: ['fhir', TYPE, ID], description: 'Create or replace a resource.' },
  {
    id: 'FhirConditionalUpdate',
    method: 'put',
    path: ['fhir', TYPE],
    description: 'Update the resource matching search parameters.',
  },
  { id: 'FhirPatch', method: 'patch', path: ['fhir', TYPE, ID], description: 'Patch a resource.' },
  {
    id: 'FhirConditionalPatch',
    method: 'patch',
    path: ['fhir', TYPE],
    description: 'Patch the resource matching search parameters.',
  },
  { id: 'FhirDelete', method: 'delete', path: ['fhir', TYPE, ID], description: 'Delete a resource.' },
  {
    id: 'FhirConditionalDelete',
    method: 'delete',
    path: ['fhir', TYPE],
    description: 'Delete the resources matching search parameters.',
  },
  {
    id: 'FhirHistory',
    method: 'get',
    path: ['fhir', TYPE, ID, '_history'],
    description: 'History of one resource.',
  },
  {
    id: 'FhirTypeHistory',
    method: 'get',
    path: ['fhir', TYPE, '_history'],
    description: 'History of all resources of a type.',
  },
  {
    id: 'FhirTransaction',
    method: 'post',
    path: ['fhir'],
    description: 'Transaction or batch Bundle; each entry is authorized again on its own.',
  },
];

/** Ids of the seeded Operations, for links in demo policies and for tests. */
export const OPERATION_IDS: readonly string[] = DEFS.map((d) => d.id);

export function operationResources(): Resource[] {
  return DEFS.map((d) => ({
    resourceType: 'Operation',
    id: d.id,
    request: [d.method, ...d.path],
    module: 'fhir',
    description: d.description,
  }));
}
