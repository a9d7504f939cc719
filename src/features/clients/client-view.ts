// How the feature looks at a ClientRecord from the API layer. The API strips `secret` and keeps
// only `hasSecret`; a ClientRecord is a domain ClientSubject, so rules take it as it is.
import type { ClientRecord } from '../../api/clients.ts';
import type { JsonObject } from '../../model/json.ts';
import { hasVaultSecret, isPublicClient } from '../../domain/client-grants.ts';

/** The Client as plain JSON for diffing and the raw JSON tab (never contains a secret). */
export function asJson(record: ClientRecord): JsonObject {
  return JSON.parse(JSON.stringify(record.client)) as JsonObject;
}

export function accessLabel(record: ClientRecord): 'Public' | 'Confidential' {
  return isPublicClient(record.client, record.hasSecret) ? 'Public' : 'Confidential';
}

export function isVaultManaged(record: ClientRecord): boolean {
  return hasVaultSecret(record.client);
}

/**
 * A stored URI is only ever a live link when it is https or a loopback http address
 * (architecture §4 UI); anything else is shown as text.
 */
export function isSafeLink(uri: string): boolean {
  try {
    const url = new URL(uri);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  } catch {
    return false;
  }
}
