// Demo SMART Clients (issue 12 §7): a backend service authenticating with private_key_jwt whose
// RS384 key pair is generated at seed time — the private key goes to a file beside the data
// (never committed; with --memory a temp file), the public key onto the Client — and two SMART
// apps with v2 scopes. Shapes follow aidbox-docs smart-on-fhir/smart-client-authorization/*.
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { JWT_BEARER } from '../auth/client-assertion.ts';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { client, publicApp } from './demo-util.ts';

export const SMART_BACKEND_ID = 'smart-backend-demo';
const KEY_FILE = 'demo-smart-backend-key.json';
const memoryKeyFiles = new WeakMap<DevboxContext, string>();

/** Where the demo backend's private key is (undefined before seeding or without demo data). */
export function demoSmartKeyFile(ctx: DevboxContext): string | undefined {
  const file = ctx.config.dataDir ? join(ctx.config.dataDir, KEY_FILE) : memoryKeyFiles.get(ctx);
  return file && existsSync(file) ? file : undefined;
}

/** --memory: the temp key file goes with the process's data (called when devbox stops). */
export async function removeMemoryDemoKey(ctx: DevboxContext): Promise<void> {
  const file = memoryKeyFiles.get(ctx);
  if (!file) return;
  memoryKeyFiles.delete(ctx);
  await rm(dirname(file), { recursive: true, force: true });
}

/** Generates the key pair, writes the private half (JWK and PEM, owner-only) and returns the public JWK. */
export async function createDemoSmartKey(ctx: DevboxContext): Promise<Record<string, unknown>> {
  const { privateKey, publicKey } = await generateKeyPair('RS384', {
    extractable: true,
    modulusLength: 2048,
  });
  const kid = `${SMART_BACKEND_ID}-${randomUUID().slice(0, 8)}`;
  const meta = { kid, alg: 'RS384', use: 'sig' };
  const dir = ctx.config.dataDir ?? (await mkdtemp(join(tmpdir(), 'devbox-smart-')));
  await mkdir(dir, { recursive: true });
  const file = join(dir, KEY_FILE);
  const doc = {
    note: `Demo only. Private key of Client ${SMART_BACKEND_ID}; sign client assertions with it (RS384, this kid).`,
    client_id: SMART_BACKEND_ID,
    token_endpoint_path: '/auth/token',
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    privatePem: await exportPKCS8(privateKey),
  };
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  if (!ctx.config.dataDir) memoryKeyFiles.set(ctx, file);
  return { ...(await exportJWK(publicKey)), ...meta };
}

const SMART_LAUNCH = ['launch', 'openid', 'fhirUser'];

export function smartDemoResources(publicJwk: Record<string, unknown>): Resource[] {
  return [
    client({
      id: SMART_BACKEND_ID,
      name: 'SMART backend service (demo key)',
      description:
        'SMART Backend Services client for the token playground: private_key_jwt with a key generated at seed time.',
      type: 'bulk-api-client',
      grant_types: ['client_credentials'],
      scope: ['system/Patient.rs', 'system/Observation.rs', 'system/Client.rs'],
      jwks: [publicJwk],
      auth: {
        client_credentials: {
          client_assertion_types: [JWT_BEARER],
          token_format: 'jwt',
          access_token_expiration: 300,
        },
      },
      details: { owner: 'devbox', team: 'Platform', demoOnly: true },
    }),
    {
      ...publicApp(
        {
          id: 'smart-ehr-launch-demo',
          name: 'Cardiac risk calculator (SMART EHR launch, v2 scopes)',
          description:
            'SMART app launched from the EHR with the patient in context; public, PKCE, v2 scopes.',
          redirect_uri: 'https://cardiac-risk.example-apps.org/callback',
          details: { owner: 'cardiology-it', team: 'Clinical Apps', vendor: 'SMART Health IT' },
        },
        { refresh_token: false },
      ),
      type: 'smart-app',
      grant_types: ['authorization_code'],
      smart: { launch_uri: 'https://cardiac-risk.example-apps.org/launch' },
      scope: [
        ...SMART_LAUNCH,
        'patient/Patient.rs',
        'patient/Observation.rs?category=vital-signs',
        'patient/Observation.rs?category=laboratory',
        'patient/Condition.rs',
      ],
    },
    {
      ...publicApp({
        id: 'smart-patient-app-demo',
        name: 'Medication tracker (SMART standalone, patient)',
        description: 'Standalone patient-facing SMART app; offline_access with a bounded refresh token.',
        redirect_uri: 'https://meds.example-apps.org/oauth/callback',
        details: { owner: 'jordan.lee', team: 'Patient Engagement', stage: 'pilot' },
      }),
      type: 'smart-app',
      scope: [
        'launch/patient',
        'openid',
        'fhirUser',
        'offline_access',
        'patient/Patient.r',
        'patient/MedicationRequest.rs',
        'patient/AllergyIntolerance.rs',
      ],
    },
    {
      resourceType: 'AccessPolicy',
      id: 'smart-backend-demo-read',
      description:
        'The demo SMART backend service may read (its scopes narrow this further only for atv 2 tokens).',
      engine: 'matcho',
      matcho: { 'request-method': 'get' },
      link: [{ reference: `Client/${SMART_BACKEND_ID}` }],
    },
  ];
}
