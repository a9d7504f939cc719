// How the feature looks at a ClientRecord from the API layer: the API strips `secret` and keeps
// only `hasSecret`, while the domain rules read `secret` — this is the one adapter between them.
import type { ClientRecord } from '../../api/clients.ts';
import type { JsonObject } from '../../domain/client-diff.ts';
import { hasVaultSecret, isPublicClient, type ClientShape } from '../../domain/client-shape.ts';

/** A marker standing in for the stripped secret; it never leaves the browser (patches skip `secret`). */
const SECRET_PRESENT = '(stored)';

export function asShape(record: ClientRecord): ClientShape {
  return record.hasSecret ? { ...record.client, secret: SECRET_PRESENT } : { ...record.client };
}

/** The Client as plain JSON for diffing and the raw JSON tab (never contains a secret). */
export function asJson(record: ClientRecord): JsonObject {
  return JSON.parse(JSON.stringify(record.client)) as JsonObject;
}

export function accessLabel(record: ClientRecord): 'Public' | 'Confidential' {
  return isPublicClient(asShape(record)) ? 'Public' : 'Confidential';
}

export function isVaultManaged(record: ClientRecord): boolean {
  return hasVaultSecret(record.client);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatInstant(value: string | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
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
