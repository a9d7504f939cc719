// The public keys a Client authenticates with (private_key_jwt): its inline `jwks` or the JWK Set
// at its `jwks_uri` (aidbox-docs: smart-on-fhir/smart-client-authentication/
// smart-asymmetric-docs-private-key-jwt-authentication.md; Client.jwks / Client.jwks_uri in
// reference/system-resources-reference/core-module-resources.md).
// jwks_uri is fetched only over https or from a loopback host, never following redirects, with a
// size limit and a timeout, and cached per devbox so a token request does not always cost a fetch.
import type { JWK } from 'jose';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { OAuthError } from './oauth-error.ts';

export const JWKS_MAX_BYTES = 64 * 1024;
export const JWKS_TIMEOUT_MS = 2000;
/** How long a fetched JWK Set is reused. */
const CACHE_TTL_MS = 5 * 60 * 1000;
/** An unknown kid refetches a cached set (key rotation), but not more often than this. */
const REFETCH_AFTER_MS = 10 * 1000;

interface Cached {
  at: number;
  keys: JWK[];
}
const caches = new WeakMap<DevboxContext, Map<string, Cached>>();

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** https anywhere, plain http only on loopback (development). */
export function jwksUriAllowed(uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && (LOOPBACK.has(u.hostname) || /^127\.\d+\.\d+\.\d+$/.test(u.hostname));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Aidbox stores Client.jwks as an array of keys; a `{keys: [...]}` JWK Set is tolerated too. */
function keysOf(value: unknown): JWK[] {
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.keys) ? value.keys : [];
  return list.filter(isRecord);
}

async function readLimited(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > JWKS_MAX_BYTES) throw new Error('too large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > JWKS_MAX_BYTES) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function fetchJwks(uri: string): Promise<JWK[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), JWKS_TIMEOUT_MS);
  try {
    const res = await fetch(uri, {
      redirect: 'error',
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await readLimited(res);
    return keysOf(JSON.parse(text) as unknown);
  } catch (e) {
    const why = controller.signal.aborted
      ? `timed out after ${JWKS_TIMEOUT_MS} ms`
      : e instanceof Error && e.message === 'too large'
        ? `larger than ${JWKS_MAX_BYTES} bytes`
        : 'could not be fetched or parsed';
    throw new OAuthError('invalid_client', `The client's jwks_uri ${why}`);
  } finally {
    clearTimeout(timer);
  }
}

async function remoteKeys(ctx: DevboxContext, uri: string, kid: string): Promise<JWK[]> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map<string, Cached>()));
  const hit = cache.get(uri);
  const age = hit ? Date.now() - hit.at : Infinity;
  const stale = age > CACHE_TTL_MS || (age > REFETCH_AFTER_MS && !hit?.keys.some((k) => k.kid === kid));
  if (hit && !stale) return hit.keys;
  const keys = await fetchJwks(uri);
  cache.set(uri, { at: Date.now(), keys });
  return keys;
}

/**
 * The Client's public key with this kid. `jku`, when the assertion carries one, must equal the
 * Client's jwks_uri (the doc's header table); it never makes devbox fetch another URL.
 */
export async function clientKey(
  ctx: DevboxContext,
  client: Resource,
  kid: string,
  jku: string | undefined,
): Promise<JWK> {
  const uri = typeof client.jwks_uri === 'string' ? client.jwks_uri : undefined;
  if (jku !== undefined && jku !== uri) {
    throw new OAuthError('invalid_client', 'The jku header does not match the client jwks_uri');
  }
  let keys = keysOf(client.jwks);
  if (keys.length === 0 && uri) {
    if (!jwksUriAllowed(uri)) {
      throw new OAuthError('invalid_client', 'The client jwks_uri must be https (or http on loopback)');
    }
    keys = await remoteKeys(ctx, uri, kid);
  }
  if (keys.length === 0) throw new OAuthError('invalid_client', 'The client has no jwks or jwks_uri');
  const matches = keys.filter((k) => k.kid === kid);
  if (matches.length !== 1) {
    throw new OAuthError(
      'invalid_client',
      matches.length ? `kid ${kid} is not unique in the client's keys` : `Unknown kid ${kid}`,
    );
  }
  return matches[0] as JWK;
}
