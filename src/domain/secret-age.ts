// How old a Client's stored secret is, from the rotation record the secret-rotation wizard writes
// (details.secretRotatedAt). Shared by the Clients list; the security review applies its own limit.
import type { ClientDraft } from '../model/client.ts';
import { holdsSecret } from './client-grants.ts';

/** A year: past it the list flags the secret (the review lets reviewers choose their own limit). */
export const OLD_SECRET_DAYS = 365;
const DAY_MS = 86_400_000;

export type SecretAge =
  | { kind: 'none' } // no stored secret (public, or a vault reference)
  | { kind: 'unrecorded' } // a secret, but no rotation time on record
  | { kind: 'known'; days: number; old: boolean };

/** `hasStoredSecret`: whether Aidbox holds a secret for the Client (reads never carry it). */
export function secretAge(client: ClientDraft, hasStoredSecret: boolean, now: number): SecretAge {
  if (!holdsSecret(client, hasStoredSecret) || client._secret !== undefined) return { kind: 'none' };
  const at = rotatedAt(client);
  if (at === undefined) return { kind: 'unrecorded' };
  const days = Math.max(0, Math.floor((now - at) / DAY_MS));
  return { kind: 'known', days, old: days > OLD_SECRET_DAYS };
}

/** `details.secretRotatedAt` as epoch ms, or undefined when absent or unreadable. */
export function rotatedAt(client: ClientDraft): number | undefined {
  const details: unknown = client.details;
  if (!details || typeof details !== 'object') return undefined;
  const value = (details as Record<string, unknown>).secretRotatedAt;
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
