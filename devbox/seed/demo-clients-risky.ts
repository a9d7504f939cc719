// Demo Clients that are configured dangerously ON PURPOSE, one per finding the security review
// (issue 7) must detect. RISKY_CLIENTS names the finding each one exists for, so tests and docs
// can check that every category stays covered.
import type { Resource } from '../store/types.ts';
import { DEMO_SECRETS } from './demo-secrets.ts';
import { backendClient, client, daysAgo, publicApp, randomSecret, type DemoEnv } from './demo-util.ts';

export const RISKY_CLIENTS = {
  'legacy-spa-implicit': 'implicit grant',
  'legacy-kiosk': 'password grant',
  'intranet-dashboard': 'http (non-loopback) redirect URI',
  'partner-referral-app': 'wildcard-looking redirect URI',
  'scheduling-widget': 'public client without PKCE',
  'research-export-tool': 'refresh tokens that never expire',
  'fax-gateway': 'very long access tokens (30 days)',
  'claims-adjudicator': 'secret never rotated',
  'pharmacy-connector': 'secret older than two years',
  'orphan-integration': 'no policy at all',
  'ops-superuser-script': 'reachable only through an allow-everything policy',
  'retired-telehealth': 'inactive client still linked to policies',
  'decommissioned-fax': 'inactive client',
} as const satisfies Record<string, string>;

export function riskyDemoClients(env: DemoEnv): Resource[] {
  return [
    client({
      id: 'legacy-spa-implicit',
      name: 'Legacy scheduling SPA (implicit)',
      description: 'AngularJS app from 2017 still on the implicit grant; tokens land in the URL fragment.',
      grant_types: ['implicit'],
      auth: {
        implicit: {
          redirect_uri: 'https://schedule-legacy.example-health.org/auth.html',
          token_format: 'jwt',
          access_token_expiration: 3600,
        },
      },
      details: { owner: 'unknown', team: 'Patient Access', createdAt: daysAgo(env, 2900) },
    }),
    client({
      id: 'legacy-kiosk',
      name: 'Check-in kiosk (password grant)',
      description: 'Lobby kiosks that collect staff passwords directly (resource owner password grant).',
      secret: DEMO_SECRETS['legacy-kiosk'],
      grant_types: ['password', 'refresh_token'],
      auth: {
        password: {
          secret_required: true,
          token_format: 'jwt',
          access_token_expiration: 3600,
          refresh_token: true,
          refresh_token_expiration: 86_400,
        },
      },
      details: { owner: 'facilities-it', team: 'Patient Access', secretRotatedAt: daysAgo(env, 300) },
    }),
    publicApp({
      id: 'intranet-dashboard',
      name: 'Ward census dashboard',
      description: 'Intranet dashboard served over plain http on the hospital network.',
      redirect_uri: 'http://census.hospital.internal/oauth/callback',
      first_party: true,
      details: { owner: 'nursing-informatics', team: 'Clinical Apps' },
    }),
    publicApp({
      id: 'partner-referral-app',
      name: 'Referral partner app (multi-tenant)',
      description: 'One registration for every partner subdomain; the redirect looks like a wildcard.',
      redirect_uri: 'https://*.referrals.partner-network.example/callback',
      details: { owner: 'partner-relations', team: 'Interoperability' },
    }),
    publicApp(
      {
        id: 'scheduling-widget',
        name: 'Embeddable scheduling widget',
        description: 'Public JavaScript widget on clinic websites; PKCE was never turned on.',
        redirect_uri: 'https://widget.example-health.org/callback',
        details: { owner: 'web-team', team: 'Patient Access' },
      },
      { pkce: false },
    ),
    backendClient(
      {
        id: 'research-export-tool',
        name: 'Research cohort export',
        description: 'Long-running exports; refresh tokens were made eternal to "avoid failures".',
        details: { owner: 'research-it', team: 'Research Computing', secretRotatedAt: daysAgo(env, 120) },
      },
      { access_token_expiration: 3600, refresh_token: true },
    ),
    backendClient(
      {
        id: 'fax-gateway',
        name: 'Inbound fax gateway',
        description: 'Turns faxes into DocumentReferences; access tokens live 30 days.',
        grant_types: ['client_credentials', 'basic'],
        details: {
          owner: 'him-dept',
          team: 'Health Information Management',
          secretRotatedAt: daysAgo(env, 60),
        },
      },
      { access_token_expiration: 2_592_000 },
    ),
    backendClient({
      id: 'claims-adjudicator',
      name: 'Claims adjudication batch',
      description: 'Set up in 2019; its secret has never been rotated.',
      grant_types: ['client_credentials', 'basic'],
      details: { owner: 'finance-it', team: 'Revenue Cycle', createdAt: daysAgo(env, 2200) },
    }),
    backendClient({
      id: 'pharmacy-connector',
      name: 'Retail pharmacy connector',
      description: 'e-prescribing status updates from the pharmacy network.',
      details: { owner: 'pharmacy-informatics', team: 'Clinical Apps', secretRotatedAt: daysAgo(env, 1000) },
    }),
    backendClient({
      id: 'orphan-integration',
      name: 'Wearables import (pilot)',
      description: 'Pilot integration; nobody linked a policy, so only global policies apply to it.',
      details: { owner: 'innovation-lab', team: 'Digital Health', secretRotatedAt: daysAgo(env, 15) },
    }),
    backendClient({
      id: 'ops-superuser-script',
      name: 'Ops maintenance script',
      description: 'Cron job for data fixes; linked only to an allow-everything policy.',
      grant_types: ['client_credentials', 'basic'],
      details: { owner: 'sre-oncall', team: 'IT Operations', secretRotatedAt: daysAgo(env, 400) },
    }),
    client({
      id: 'retired-telehealth',
      name: 'Telehealth v1 (retired)',
      description: 'Replaced by the new video platform; deactivated but its policies still link it.',
      active: false,
      secret: randomSecret(),
      grant_types: ['authorization_code', 'client_credentials'],
      auth: {
        authorization_code: {
          redirect_uri: 'https://telehealth-v1.example-health.org/callback',
          secret_required: true,
          token_format: 'jwt',
          access_token_expiration: 3600,
        },
        client_credentials: { token_format: 'jwt', access_token_expiration: 3600 },
      },
      details: { owner: 'virtual-care', team: 'Digital Health', retiredAt: daysAgo(env, 90) },
    }),
    client({
      id: 'decommissioned-fax',
      name: 'Old fax server (decommissioned)',
      description: 'Inactive and unlinked; kept for audit history.',
      active: false,
      secret: randomSecret(),
      grant_types: ['basic'],
      details: { owner: 'him-dept', team: 'Health Information Management', retiredAt: daysAgo(env, 500) },
    }),
  ];
}
