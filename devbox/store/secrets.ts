// Secret hashing at write time (Aidbox 2410+): whatever path writes a Client or User — REST,
// Bundles, seeding, the auth module — plaintext never reaches the table or its history.
import { hashClientSecret, hashPassword, isHashed } from '../auth/secrets.ts';
import type { Resource, ResourceType } from './types.ts';

const SECRET_FIELD: Partial<Record<ResourceType, { field: string; hash: (v: string) => string }>> = {
  Client: { field: 'secret', hash: hashClientSecret },
  User: { field: 'password', hash: hashPassword },
};

/**
 * Returns a copy with the secret field hashed. A value that is already one of our hashes is kept
 * as it is: a merge-PATCH that does not touch `secret` carries the stored hash through the
 * read-modify-write, and hashing it again would silently change the secret.
 */
export function hashSecrets(type: ResourceType, resource: Resource): Resource {
  const rule = SECRET_FIELD[type];
  if (!rule) return resource;
  const value = resource[rule.field];
  if (typeof value !== 'string' || isHashed(value)) return resource;
  return { ...resource, [rule.field]: rule.hash(value) };
}
