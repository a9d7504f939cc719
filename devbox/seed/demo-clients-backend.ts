// Demo Clients for machine-to-machine integrations: the backends a real deployment connects.
import type { Resource } from '../store/types.ts';
import { DEMO_SECRETS } from './demo-secrets.ts';
import { backendClient, client, daysAgo, randomSecret, type DemoEnv } from './demo-util.ts';

const CA = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export function backendDemoClients(env: DemoEnv): Resource[] {
  const rotated = (days: number) => ({ secretRotatedAt: daysAgo(env, days) });
  return [
    backendClient(
      {
        id: 'demo-backend',
        name: 'Demo backend service',
        description: 'Reference machine client for the token playground and tests. Demo secret is public.',
        secret: DEMO_SECRETS['demo-backend'],
        grant_types: ['client_credentials', 'basic'],
        details: { owner: 'devbox', team: 'Platform', ...rotated(12), demoOnly: true },
      },
      { access_token_expiration: 300 },
    ),
    backendClient(
      {
        id: 'ehr-integration',
        name: 'Epic EHR integration',
        description: 'Bidirectional ADT and orders feed between the hospital EHR and Aidbox.',
        details: {
          owner: 'maria.gonzalez',
          team: 'Clinical Integrations',
          ...rotated(45),
          ticket: 'INT-2210',
        },
      },
      { access_token_expiration: 900 },
    ),
    backendClient({
      id: 'analytics-platform',
      name: 'Population health analytics',
      description: 'Nightly read-only extraction into the analytics warehouse.',
      scope: ['system/*.read'],
      details: { owner: 'dev.patel', team: 'Data Platform', ...rotated(80) },
    }),
    backendClient({
      id: 'data-pipeline',
      name: 'Streaming data pipeline',
      description: 'Kafka connector that forwards changed resources to the data lake.',
      details: { owner: 'li.wei', team: 'Data Platform', ...rotated(30), environment: 'production' },
    }),
    client({
      id: 'reporting-engine',
      name: 'Regulatory reporting engine',
      description: 'Builds monthly quality and public-health reports. Opaque tokens (no token_format).',
      secret: randomSecret(),
      grant_types: ['client_credentials'],
      auth: { client_credentials: { access_token_expiration: 1800 } },
      details: { owner: 'dev.patel', team: 'Data Platform', ...rotated(150) },
    }),
    backendClient({
      id: 'quality-measures',
      name: 'Quality measures (CQL) service',
      description: 'Evaluates eCQMs against clinical data for the quality office.',
      scope: ['system/Patient.read', 'system/Observation.read', 'system/Encounter.read'],
      details: { owner: 'sara.kim', team: 'Data Platform', ...rotated(60) },
    }),
    client({
      id: 'hie-gateway',
      name: 'Regional HIE gateway',
      description: 'Health information exchange; authenticates with private_key_jwt (no shared secret).',
      grant_types: ['client_credentials'],
      jwks_uri: 'https://hie.regional-exchange.example/.well-known/jwks.json',
      scope: ['system/Patient.read', 'system/DocumentReference.read'],
      auth: {
        client_credentials: {
          token_format: 'jwt',
          access_token_expiration: 300,
          client_assertion_types: [CA],
        },
      },
      details: { owner: 'hie-ops@regional-exchange.example', team: 'Interoperability', partner: 'RHIE' },
    }),
    backendClient(
      {
        id: 'fhir-server-replica',
        name: 'Research FHIR server (replica)',
        description: 'Another FHIR server that subscribes to and copies de-identified resources.',
        grant_types: ['client_credentials', 'basic'],
        details: { owner: 'research-it', team: 'Research Computing', ...rotated(20), partner: 'research' },
      },
      { refresh_token: true, refresh_token_expiration: 86_400 },
    ),
    client({
      id: 'lab-interface',
      name: 'Laboratory interface engine',
      description: 'Mirth channel posting lab results; uses HTTP Basic on every call.',
      secret: DEMO_SECRETS['lab-interface'],
      grant_types: ['basic'],
      details: { owner: 'lab-it', team: 'Clinical Integrations', ...rotated(200), vendor: 'NextGen Connect' },
    }),
    backendClient({
      id: 'billing-service',
      name: 'Revenue cycle / billing',
      description: 'Creates Claims and reads Coverage for the billing department.',
      grant_types: ['client_credentials', 'basic'],
      details: { owner: 'finance-it', team: 'Revenue Cycle', ...rotated(95) },
    }),
    backendClient({
      id: 'notification-service',
      name: 'Clinical notification service',
      description: 'Subscribes to results and sends secure inbox notifications to clinicians.',
      details: { owner: 'alex.morgan', team: 'Patient Engagement', ...rotated(25) },
    }),
    backendClient({
      id: 'appointment-reminders',
      name: 'Appointment reminder SMS',
      description: 'Reads upcoming Appointments and sends reminders through the SMS provider.',
      details: { owner: 'alex.morgan', team: 'Patient Engagement', ...rotated(70), vendor: 'Twilio' },
    }),
    backendClient({
      id: 'insurance-eligibility',
      name: 'Insurance eligibility checker',
      description: 'Real-time eligibility (270/271) bridge writing CoverageEligibilityResponse.',
      details: { owner: 'finance-it', team: 'Revenue Cycle', ...rotated(5) },
    }),
    client({
      id: 'bulk-export-client',
      name: 'Bulk data export (payer)',
      description: 'SMART Backend Services client for $export to the payer; inline public key.',
      type: 'bulk-api-client',
      grant_types: ['client_credentials'],
      scope: ['system/*.read'],
      jwks: [
        {
          kid: 'payer-2025-01',
          kty: 'RSA',
          alg: 'RS384',
          use: 'sig',
          e: 'AQAB',
          n: 'u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw',
        },
      ],
      auth: {
        client_credentials: {
          token_format: 'jwt',
          access_token_expiration: 300,
          client_assertion_types: [CA],
        },
      },
      details: { owner: 'payer-relations', team: 'Interoperability', partner: 'Acme Health Plan' },
    }),
    client({
      id: 'token-exchange-gateway',
      name: 'Partner SSO token exchange',
      description: 'Exchanges partner IdP tokens (RFC 8693) for Aidbox tokens; the IdP must be trusted.',
      secret: randomSecret(),
      grant_types: ['urn:ietf:params:oauth:grant-type:token-exchange', 'basic'],
      allowedIssuers: [
        'https://login.partner-idp.example',
        'https://sso.affiliate-clinic.example/realms/main',
      ],
      auth: { token_exchange: { token_format: 'jwt', access_token_expiration: 600 } },
      details: { owner: 'iam-team', team: 'Identity & Access', ...rotated(40) },
    }),
    client({
      id: 'vault-backed-service',
      name: 'Claims clearinghouse connector',
      description: 'Secret lives in the vault (BOX_VAULT_CONFIG); rotate it there, not in Aidbox.',
      grant_types: ['client_credentials'],
      _secret: {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
          {
            url: 'http://health-samurai.io/fhir/secret-reference',
            valueString: 'clearinghouse-client-secret',
          },
        ],
      },
      auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 600 } },
      details: { owner: 'finance-it', team: 'Revenue Cycle', secretSource: 'vault' },
    }),
  ];
}
