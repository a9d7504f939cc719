// Demo AccessPolicies linked to Clients, including the classic mixed-link mistake; the User-linked,
// Operation-linked and global ones are in demo-policies-other.ts. Each policy's description says what it is for, because the console shows
// descriptions where admins decide. SQL policies only use {{…}} parameters, never string building.
import type { Resource } from '../store/types.ts';

export type Link = `${'Client' | 'User' | 'Operation'}/${string}`;

export function policy(
  id: string,
  description: string,
  links: Link[],
  body: Record<string, unknown>,
): Resource {
  const link = links.map((reference) => ({ reference }));
  return { resourceType: 'AccessPolicy', id, description, ...body, ...(link.length ? { link } : {}) };
}

export const READ = ['FhirRead', 'FhirSearch'];
export const HISTORY = ['FhirVread', 'FhirHistory', 'FhirTypeHistory'];
export const CONFIG_TYPES = ['Client', 'AccessPolicy', 'Session', 'User', 'Operation'];
export const CLINICAL = [
  'Patient',
  'Encounter',
  'Observation',
  'Condition',
  'DiagnosticReport',
  'ServiceRequest',
];

/** Ids of policies with engine "allow" (tests use it for the allow-only finding). */
export const ALLOW_ALL_POLICY_IDS = ['ops-allow-all'] as const;
/** The policy that links a Client and an Operation together (a finding in the security review). */
export const MIXED_LINK_POLICY_ID = 'lab-results-mixed-link';

/** Policies linked to Clients (the matrix columns that matter most). */
export function clientPolicies(): Resource[] {
  return [
    policy(
      'backend-read-clinical',
      'Backend services may read and search clinical data (and Client/Operation, for the demo).',
      [
        'Client/demo-backend',
        'Client/notification-service',
        'Client/appointment-reminders',
        'Client/pharmacy-connector',
        'Client/research-export-tool',
      ],
      {
        engine: 'matcho',
        matcho: {
          operation: { id: { $enum: READ } },
          params: { 'resource/type': { $enum: [...CLINICAL, 'Appointment', 'Client', 'Operation'] } },
        },
      },
    ),
    policy(
      'ehr-write-clinical',
      'The EHR integration reads and writes clinical resources (no delete).',
      ['Client/ehr-integration'],
      {
        engine: 'json-schema',
        schema: {
          type: 'object',
          required: ['request-method', 'params'],
          properties: {
            'request-method': { enum: ['get', 'post', 'put', 'patch'] },
            params: {
              type: 'object',
              required: ['resource/type'],
              properties: { 'resource/type': { enum: CLINICAL } },
            },
          },
        },
      },
    ),
    policy(
      'analytics-read-only',
      'Read-only access for clients whose owning team is Data Platform (checked in the database).',
      [
        'Client/analytics-platform',
        'Client/data-pipeline',
        'Client/reporting-engine',
        'Client/quality-measures',
      ],
      {
        engine: 'sql',
        sql: {
          query:
            "SELECT COALESCE({{request-method}}::text = 'get', false) AND EXISTS (SELECT 1 FROM client WHERE id = {{client.id}}::text AND resource #>> '{details,team}' = 'Data Platform')",
        },
      },
    ),
    policy(
      'hie-exchange',
      'Exchange partners may read and search, but never with _include/_revinclude (data spill).',
      ['Client/hie-gateway', 'Client/fhir-server-replica', 'Client/bulk-export-client'],
      {
        engine: 'complex',
        and: [
          { engine: 'matcho', matcho: { operation: { id: { $enum: READ } } } },
          {
            engine: 'json-schema',
            schema: {
              type: 'object',
              properties: {
                params: { not: { anyOf: [{ required: ['_include'] }, { required: ['_revinclude'] }] } },
              },
            },
          },
        ],
      },
    ),
    policy(
      'patient-facing-apps',
      'Patient apps: read the signed-in patient record, or search their observations and appointments.',
      [
        'Client/patient-portal',
        'Client/patient-mobile',
        'Client/scheduling-widget',
        'Client/legacy-spa-implicit',
        'Client/partner-referral-app',
        'Client/legacy-partner-portal',
        'Client/token-exchange-gateway',
        'Client/legacy-kiosk',
        'Client/playground-demo',
      ],
      {
        engine: 'complex',
        or: [
          {
            engine: 'matcho',
            matcho: { params: { 'resource/type': 'Patient' }, operation: { id: 'FhirRead' } },
          },
          {
            engine: 'matcho',
            matcho: {
              params: { 'resource/type': { $enum: ['Observation', 'Appointment'] } },
              operation: { id: 'FhirSearch' },
            },
          },
        ],
      },
    ),
    policy(
      'clinician-apps',
      'Clinical apps may read clinical data on behalf of users with the clinician role.',
      [
        'Client/clinical-viewer',
        'Client/provider-mobile',
        'Client/care-management-mobile',
        'Client/intranet-dashboard',
        'Client/smart-growth-chart',
        'Client/smart-med-reconciliation',
        'Client/imaging-viewer',
        'Client/retired-telehealth',
      ],
      {
        engine: 'matcho',
        matcho: { user: { data: { role: 'clinician' } }, operation: { id: { $enum: READ } } },
      },
    ),
    policy(
      'ops-allow-all',
      'Everything, for the ops maintenance script. Temporary since 2021; nobody removed it.',
      ['Client/ops-superuser-script'],
      { engine: 'allow' },
    ),
    policy(
      MIXED_LINK_POLICY_ID,
      'Meant for the lab interface only. The Operation link is OR-ed, so ANY caller of FhirCreate matches.',
      ['Client/lab-interface', 'Operation/FhirCreate'],
      {
        engine: 'matcho',
        matcho: { params: { 'resource/type': { $enum: ['Observation', 'DiagnosticReport', 'Specimen'] } } },
      },
    ),
    policy(
      'billing-claims',
      'Revenue cycle clients manage claims and coverage.',
      [
        'Client/billing-service',
        'Client/insurance-eligibility',
        'Client/claims-adjudicator',
        'Client/vault-backed-service',
      ],
      {
        engine: 'json-schema',
        schema: {
          type: 'object',
          required: ['params'],
          properties: {
            params: {
              type: 'object',
              required: ['resource/type'],
              properties: {
                'resource/type': {
                  enum: ['Claim', 'ClaimResponse', 'Coverage', 'CoverageEligibilityResponse', 'Patient'],
                },
              },
            },
          },
        },
      },
    ),
    policy(
      'document-intake',
      'Fax and telehealth intake may create and read DocumentReferences.',
      ['Client/fax-gateway', 'Client/retired-telehealth'],
      {
        engine: 'matcho',
        matcho: {
          params: { 'resource/type': 'DocumentReference' },
          operation: { id: { $enum: ['FhirCreate', 'FhirRead'] } },
        },
      },
    ),
    policy(
      'admin-dashboard-support',
      'Service desk staff read Users and Sessions through the admin dashboard.',
      ['Client/admin-dashboard'],
      {
        engine: 'sql',
        sql: {
          query:
            "SELECT COALESCE({{request-method}}::text = 'get' AND {{params.resource/type}}::text IN ('User', 'Session') AND {{user.data.role}}::text = 'service-desk', false)",
        },
      },
    ),
  ];
}
