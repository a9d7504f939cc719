// What a key rotation writes, decided without React or I/O. A rotation without downtime is three
// writes' worth of intent: the Client's `jwks` becomes old + new (both sign while callers switch),
// then, once the new key is proven, new minus the old ones. SMART App Launch 2.x Backend Services:
// "kid … SHALL be unique within the client's JWK Set"; the assertion names its key by kid, so two
// keys may live side by side (aidbox-docs smart-on-fhir/smart-client-authentication/
// smart-asymmetric-docs-private-key-jwt-authentication.md, `jwks` on the Client).
import type { StoredClient } from '../../model/client.ts';
import { PRIVATE_MEMBERS, sanitizeJwk, type PublicJwk } from '../../domain/jwks-validate.ts';
import type { ProbeOutcome } from './verify.ts';

export type KeyEligibility =
  /** Keys are fetched from the Client's own URL: rotation happens there. */
  | { kind: 'uri'; uri: string }
  /** `jwks` has a shape the console did not understand: writing it back could lose something. */
  | { kind: 'unreadable' }
  | { kind: 'keys'; keys: PublicJwk[]; privateStored: boolean };

/** The Client's keys as the rotation will write them back: public members only. */
export function keyEligibility(client: StoredClient, invalidFields: readonly string[]): KeyEligibility {
  if (invalidFields.includes('jwks')) return { kind: 'unreadable' };
  const stored = client.jwks ?? [];
  if (stored.length === 0 && client.jwks_uri) return { kind: 'uri', uri: client.jwks_uri };
  return {
    kind: 'keys',
    keys: stored.map((k) => sanitizeJwk(k)),
    privateStored: stored.some((k) => PRIVATE_MEMBERS.some((m) => m in k)),
  };
}

export const kidOf = (k: PublicJwk): string => (typeof k.kid === 'string' ? k.kid : '');

/** `jwks` with the new key beside the old ones, or why it cannot be added. */
export function withNewKey(
  current: readonly PublicJwk[],
  added: PublicJwk,
): { ok: true; jwks: PublicJwk[] } | { ok: false; message: string } {
  const kid = kidOf(added);
  if (!kid) return { ok: false, message: 'The new key has no kid.' };
  if (current.some((k) => kidOf(k) === kid)) {
    return {
      ok: false,
      message: `The Client already has a key with kid ${kid}: kids must be unique, and a rotation needs a new key.`,
    };
  }
  return { ok: true, jwks: [...current, sanitizeJwk(added)] };
}

/** `jwks` once `remove` are gone. The new key is never among them. */
export function withoutKeys(
  current: readonly PublicJwk[],
  remove: readonly string[],
  keep: string,
): PublicJwk[] {
  return current.filter((k) => kidOf(k) === keep || !remove.includes(kidOf(k)));
}

/** The kids a rotation retires by default: every key but the new one. */
export function oldKids(current: readonly PublicJwk[], newKid: string): string[] {
  return current.map(kidOf).filter((kid) => kid !== newKid);
}

/** The kids in `remove` that a re-read Client still has (empty = the removal is visible). */
export function stillPresent(client: StoredClient, remove: readonly string[]): string[] {
  const kids = new Set((client.jwks ?? []).map((k) => k.kid));
  return remove.filter((kid) => kids.has(kid));
}

export type VerifyState =
  { kind: 'passed'; how: 'probe' | 'self' } | { kind: 'failed'; outcome: ProbeOutcome } | { kind: 'pending' };

/** Old keys go only after the new one is proven, or when the admin overrides a failed check. */
export function mayRemove(verified: VerifyState, override: boolean): boolean {
  return verified.kind === 'passed' || (verified.kind === 'failed' && override);
}
