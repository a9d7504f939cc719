// What rotating a Client's secret touches, decided from the Client alone (pure, no I/O). Aidbox
// keeps exactly one secret, so every use listed here breaks the moment the new one is saved.
import type { ClientDraft } from '../model/client.ts';
import {
  grantList,
  grantSettings,
  hasVaultSecret,
  isPublicClient,
  type ClientSubject,
} from './client-grants.ts';

export type SecretUseId =
  'client_credentials' | 'basic' | 'password' | 'authorization_code' | 'token_exchange';

export interface SecretUse {
  id: SecretUseId;
  label: string;
  /** Who breaks when the secret changes, in plain words. */
  breaks: string;
  /** True when `secret_required` is not set and the secret is only assumed to be demanded. */
  assumed: boolean;
}

export type Eligibility =
  | { kind: 'vault' }
  | { kind: 'public' }
  /** `hasSecret` false: a confidential Client without a stored secret; rotation sets its first one. */
  | { kind: 'rotatable'; hasSecret: boolean };

/** The view of a Client this module reads: the API strips `secret` and reports `hasSecret`. */
export type SecretSubject = ClientSubject;

/** The shared public-client rule, told whether a secret is stored. */
export function isPublicSubject(subject: SecretSubject): boolean {
  return isPublicClient(subject.client, subject.hasSecret);
}

export function rotationEligibility(subject: SecretSubject): Eligibility {
  if (hasVaultSecret(subject.client)) return { kind: 'vault' };
  // No grant demands a secret and none is stored: a public (or key-based) Client needs no secret.
  if (!subject.hasSecret && secretUses(subject).length === 0) return { kind: 'public' };
  return { kind: 'rotatable', hasSecret: subject.hasSecret };
}

function requiredFlag(client: ClientDraft, key: 'password' | 'authorization_code'): boolean | undefined {
  const settings = grantSettings(client).find(([k]) => k === key)?.[1];
  return typeof settings?.secret_required === 'boolean' ? settings.secret_required : undefined;
}

/**
 * The grants that authenticate with the secret. `password` and `authorization_code` count when
 * `secret_required` is true, or when it is unset and a secret is stored (Aidbox does not document
 * the default; devbox then demands the secret, so the wizard assumes the worse case and says so).
 */
export function secretUses(subject: SecretSubject): SecretUse[] {
  const grants = new Set(grantList(subject.client));
  const uses: SecretUse[] = [];
  if (grants.has('client_credentials')) {
    uses.push({
      id: 'client_credentials',
      label: 'Client credentials',
      breaks: 'Services that request tokens with client_credentials can no longer get new tokens.',
      assumed: false,
    });
  }
  if (grants.has('basic')) {
    uses.push({
      id: 'basic',
      label: 'HTTP Basic API access',
      breaks: 'Every API call sent with Basic authentication fails with 401 at once.',
      assumed: false,
    });
  }
  for (const [key, grantNames, label] of [
    ['password', ['password'], 'Password grant'],
    ['authorization_code', ['authorization_code', 'code'], 'Authorization code'],
  ] as const) {
    if (!grantNames.some((g) => grants.has(g))) continue;
    const flag = requiredFlag(subject.client, key);
    if (flag === false || (flag === undefined && !subject.hasSecret)) continue;
    uses.push({
      id: key,
      label,
      breaks: `Apps exchanging ${key === 'password' ? 'passwords' : 'authorization codes'} or refresh tokens for tokens are refused until they have the new secret.`,
      assumed: flag === undefined,
    });
  }
  if (grants.has('urn:ietf:params:oauth:grant-type:token-exchange')) {
    uses.push({
      id: 'token_exchange',
      label: 'Token exchange',
      breaks: 'Token exchange requests (the Client authenticates with Basic) are refused.',
      assumed: false,
    });
  }
  return uses;
}

export type VerifyMethod = 'client_credentials' | 'basic' | 'none';

/** How the wizard proves the new secret works with Aidbox itself: a token if allowed, else a Basic read. */
export function verifyMethod(subject: SecretSubject): VerifyMethod {
  const grants = grantList(subject.client);
  if (grants.includes('client_credentials')) return 'client_credentials';
  if (grants.includes('basic')) return 'basic';
  return 'none';
}

export type LastRotation =
  | { recorded: true; at: string; fingerprint: string | undefined }
  | { recorded: false; lastUpdated: string | undefined };

/** `details.secretRotatedAt` is written by this wizard; older Clients only have `meta.lastUpdated`. */
export function lastRotation(client: ClientDraft): LastRotation {
  const details: unknown = client.details;
  const d = details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
  if (typeof d.secretRotatedAt === 'string' && !Number.isNaN(Date.parse(d.secretRotatedAt))) {
    const fp = typeof d.secretFingerprint === 'string' ? d.secretFingerprint : undefined;
    return { recorded: true, at: d.secretRotatedAt, fingerprint: fp };
  }
  return { recorded: false, lastUpdated: client.meta?.lastUpdated };
}

/** The merge-patch that rotates: the secret plus its audit trail in `details` (other keys kept). */
export function rotationPatch(
  secret: string,
  rotatedAt: string,
  fingerprint: string,
): Record<string, unknown> {
  return { secret, details: { secretRotatedAt: rotatedAt, secretFingerprint: fingerprint } };
}
