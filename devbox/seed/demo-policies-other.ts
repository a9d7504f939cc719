// Demo AccessPolicies linked to Users or Operations, and global ones (no link: they run on every
// request). Together with demo-policies.ts every engine appears: allow, matcho, json-schema, sql, complex.
import type { Resource } from '../store/types.ts';
import { CLINICAL, CONFIG_TYPES, HISTORY, READ, policy, type Link } from './demo-policies.ts';

export function otherPolicies(): Resource[] {
  return [
    policy(
      'reviewer-read-config',
      'The security reviewer may read (never change) clients, policies, sessions, users and history.',
      ['User/reviewer'],
      {
        engine: 'matcho',
        matcho: {
          operation: { id: { $enum: [...READ, ...HISTORY] } },
          params: { 'resource/type': { $enum: CONFIG_TYPES } },
        },
      },
    ),
    policy(
      'developer-sandbox',
      'Developers may look at Client and AccessPolicy definitions (GET only).',
      ['User/developer'],
      {
        engine: 'json-schema',
        schema: {
          type: 'object',
          required: ['request-method', 'params'],
          properties: {
            'request-method': { const: 'get' },
            params: {
              type: 'object',
              required: ['resource/type'],
              properties: { 'resource/type': { enum: ['Client', 'AccessPolicy'] } },
            },
          },
        },
      },
    ),
    policy(
      'clinician-user-read',
      'Dr. Smith may read clinical data through any client (user-linked, as Aidbox advises for user flows).',
      ['User/dr-smith'],
      {
        engine: 'matcho',
        matcho: { operation: { id: { $enum: READ } }, params: { 'resource/type': { $enum: CLINICAL } } },
      },
    ),
    policy(
      'patient-own-record',
      "A patient reads only their own Patient resource (the id must equal the user's data.patientId).",
      ['User/patient-jane'],
      {
        engine: 'matcho',
        matcho: {
          user: { data: { patientId: 'present?' } },
          params: { 'resource/type': 'Patient', 'resource/id': '.user.data.patientId' },
          operation: { id: 'FhirRead' },
        },
      },
    ),
    policy(
      'history-for-console-admins',
      'History and versions for console admins, whatever client they use (linked to Operations).',
      HISTORY.map((id): Link => `Operation/${id}`),
      { engine: 'matcho', matcho: { user: { data: { consoleAdmin: true } } } },
    ),
    policy(
      'global-metadata-read',
      'GLOBAL: anyone may read the CapabilityStatement (GET /fhir/metadata). Runs on every request.',
      [],
      { engine: 'matcho', matcho: { operation: { id: 'FhirMetadata' }, 'request-method': 'get' } },
    ),
    policy(
      'global-read-operations',
      'GLOBAL: any authenticated caller may list Operations (needed to build policy links).',
      [],
      {
        engine: 'sql',
        sql: {
          query:
            "SELECT COALESCE({{params.resource/type}}::text = 'Operation' AND {{request-method}}::text = 'get', false)",
        },
      },
    ),
  ];
}
