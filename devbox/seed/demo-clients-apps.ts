// Demo Clients for apps people sign in to: browser SPAs, native mobile apps, SMART apps.
import type { Resource } from '../store/types.ts';
import { client, daysAgo, publicApp, randomSecret, type DemoEnv } from './demo-util.ts';

const SMART_SCOPES = ['launch', 'openid', 'fhirUser', 'offline_access'];

export function appDemoClients(env: DemoEnv): Resource[] {
  return [
    publicApp({
      id: 'playground-demo',
      name: 'Token playground demo app',
      description: 'Public PKCE app used by the console token playground; not first-party, so consent shows.',
      redirect_uri: `${env.consoleUrl}/playground/callback`,
      details: { owner: 'devbox', team: 'Platform', demoOnly: true },
    }),
    publicApp({
      id: 'patient-portal',
      name: 'MyHealth patient portal',
      description: 'Patient-facing SPA: results, appointments, messages.',
      redirect_uri: 'https://portal.example-health.org/callback',
      details: { owner: 'jordan.lee', team: 'Patient Engagement', launchedAt: daysAgo(env, 700) },
    }),
    publicApp({
      id: 'admin-dashboard',
      name: 'Operations admin dashboard',
      description: 'Internal SPA for the service desk: user lookup and session support.',
      redirect_uri: 'https://admin.example-health.org/oauth/callback',
      first_party: true,
      details: { owner: 'service-desk', team: 'IT Operations' },
    }),
    publicApp(
      {
        id: 'clinical-viewer',
        name: 'Clinical data viewer',
        description: 'Read-only chart viewer for clinicians outside the EHR.',
        redirect_uri: 'https://viewer.example-health.org/auth/callback',
        first_party: true,
        details: { owner: 'maria.gonzalez', team: 'Clinical Integrations' },
      },
      { access_token_expiration: 600 },
    ),
    publicApp({
      id: 'patient-mobile',
      name: 'MyHealth mobile (iOS/Android)',
      description: 'Native patient app; private-use URI scheme redirect (RFC 8252 §7.1).',
      redirect_uri: 'com.examplehealth.patient:/oauth2/callback',
      details: { owner: 'jordan.lee', team: 'Patient Engagement', store: 'App Store, Google Play' },
    }),
    publicApp({
      id: 'provider-mobile',
      name: 'Clinician rounds app',
      description: 'Native app for clinicians on rounds: vitals and notes.',
      redirect_uri: 'com.examplehealth.provider:/callback',
      details: { owner: 'nursing-informatics', team: 'Clinical Apps' },
    }),
    publicApp(
      {
        id: 'care-management-mobile',
        name: 'Care management (tablet)',
        description: 'Care coordinators on Windows tablets; loopback redirect (RFC 8252 §7.3).',
        redirect_uri: 'http://127.0.0.1:7890/callback',
        details: { owner: 'care-coordination', team: 'Clinical Apps' },
      },
      { refresh_token_expiration: 604_800 },
    ),
    publicApp(
      {
        id: 'smart-growth-chart',
        name: 'Pediatric growth chart (SMART)',
        description: 'SMART on FHIR app launched from the EHR; public client.',
        redirect_uri: 'https://apps.smarthealthit.example/growth-chart/',
        type: 'smart-app',
        scope: [...SMART_SCOPES, 'patient/Patient.read', 'patient/Observation.read'],
        smart: { launch_uri: 'https://apps.smarthealthit.example/growth-chart/launch.html' },
        details: { owner: 'pediatrics', team: 'Clinical Apps', vendor: 'SMART Health IT' },
      },
      { access_token_expiration: 3600 },
    ),
    client({
      id: 'smart-med-reconciliation',
      name: 'Medication reconciliation (SMART, confidential)',
      description: 'SMART app with a backend; confidential client that still uses PKCE.',
      type: 'smart-app',
      secret: randomSecret(),
      grant_types: ['authorization_code', 'refresh_token'],
      scope: [...SMART_SCOPES, 'patient/MedicationRequest.read', 'patient/MedicationStatement.cruds'],
      smart: {
        launch_uri: 'https://medrec.vendor.example/launch',
        name: 'MedRec',
        description: 'Reconcile home medications at admission',
      },
      auth: {
        authorization_code: {
          redirect_uri: 'https://medrec.vendor.example/callback',
          pkce: true,
          secret_required: true,
          token_format: 'jwt',
          access_token_expiration: 900,
          refresh_token: true,
          refresh_token_expiration: 86_400,
        },
      },
      details: { owner: 'pharmacy-informatics', team: 'Clinical Apps', secretRotatedAt: daysAgo(env, 33) },
    }),
    publicApp(
      {
        id: 'imaging-viewer',
        name: 'Zero-footprint imaging viewer',
        description: 'PACS viewer launched in EHR context (SMART EHR launch).',
        redirect_uri: 'https://pacs.example-health.org/smart/callback',
        type: 'smart-app',
        scope: [...SMART_SCOPES, 'patient/ImagingStudy.read', 'patient/DiagnosticReport.read'],
        smart: { launch_uri: 'https://pacs.example-health.org/smart/launch', name: 'PACS viewer' },
        details: { owner: 'radiology-it', team: 'Clinical Apps' },
      },
      { access_token_expiration: 1800 },
    ),
    publicApp({
      id: 'legacy-partner-portal',
      name: 'Partner referral portal (legacy fields)',
      description: 'Imported from an older Aidbox; carries fields and extensions the console must keep.',
      redirect_uri: 'https://referrals.partner.example/callback',
      trusted: false,
      allowed_origins: ['https://referrals.partner.example'],
      'fhir-base-url': '/fhir',
      extension: [
        { url: 'https://example-health.org/fhir/StructureDefinition/cost-center', valueString: 'CC-4471' },
        { url: 'https://example-health.org/fhir/StructureDefinition/reviewed', valueBoolean: true },
      ],
      legacyConfig: { sessionTimeoutMinutes: 30, theme: 'partner-blue', flags: ['beta-referrals'] },
      'x-imported-from': 'aidbox-2306',
      details: { owner: 'partner-relations', team: 'Interoperability', contractEnds: daysAgo(env, -180) },
    }),
  ];
}
