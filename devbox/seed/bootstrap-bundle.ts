// Reads bootstrap.json (the same file an operator POSTs to a real Aidbox's /fhir) and applies its
// entries through the Store with transaction-Bundle semantics: PUT = create-or-replace, POST with
// ifNoneExist = create only when absent. Only what that file uses is supported, on purpose: a new
// kind of entry should fail loudly here rather than be half-applied.
import { readFileSync } from 'node:fs';
import { RESOURCE_TYPES, type Resource, type ResourceType, type Store } from '../store/types.ts';

export const BOOTSTRAP_PATH = new URL('./bootstrap.json', import.meta.url);
export const CONSOLE_CLIENT_ID = 'aidbox-console';

export interface BootstrapEntry {
  resource: Resource;
  request: { method: 'PUT' | 'POST'; url: string; ifNoneExist?: string };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isResourceType(v: unknown): v is ResourceType {
  return typeof v === 'string' && (RESOURCE_TYPES as readonly string[]).includes(v);
}

function toResource(v: unknown, where: string): Resource {
  if (!isRecord(v) || !isResourceType(v.resourceType) || typeof v.id !== 'string') {
    throw new Error(`${where}: resource needs a known resourceType and an id`);
  }
  return { ...v, resourceType: v.resourceType, id: v.id };
}

/** Validates the parsed JSON of a bootstrap Bundle; throws naming the first bad entry. */
export function parseBootstrapBundle(json: unknown): BootstrapEntry[] {
  if (!isRecord(json) || json.resourceType !== 'Bundle' || json.type !== 'transaction') {
    throw new Error('bootstrap.json: expected a transaction Bundle');
  }
  if (!Array.isArray(json.entry)) throw new Error('bootstrap.json: entry must be an array');
  return json.entry.map((e: unknown, i): BootstrapEntry => {
    const where = `bootstrap.json entry[${i}]`;
    if (!isRecord(e) || !isRecord(e.request)) throw new Error(`${where}: needs request`);
    const resource = toResource(e.resource, where);
    const { method, url, ifNoneExist } = e.request;
    if (method === 'PUT' && url === `${resource.resourceType}/${resource.id}`) {
      return { resource, request: { method, url } };
    }
    if (method === 'POST' && url === resource.resourceType && ifNoneExist === `_id=${resource.id}`) {
      return { resource, request: { method, url, ifNoneExist } };
    }
    throw new Error(`${where}: only "PUT Type/id" and "POST Type" with ifNoneExist "_id=<id>" are supported`);
  });
}

export function loadBootstrapBundle(): BootstrapEntry[] {
  return parseBootstrapBundle(JSON.parse(readFileSync(BOOTSTRAP_PATH, 'utf8')) as unknown);
}

/** The console Client must redirect to wherever this devbox says the console is served. */
export function withConsoleRedirect(resource: Resource, consoleUrl: string): Resource {
  if (resource.resourceType !== 'Client' || resource.id !== CONSOLE_CLIENT_ID) return resource;
  const auth = isRecord(resource.auth) ? resource.auth : {};
  const code = isRecord(auth.authorization_code) ? auth.authorization_code : {};
  const base = consoleUrl.replace(/\/+$/, '');
  return {
    ...resource,
    auth: { ...auth, authorization_code: { ...code, redirect_uri: `${base}/callback` } },
  };
}

export async function applyBootstrapEntries(
  store: Store,
  entries: BootstrapEntry[],
  consoleUrl: string,
): Promise<void> {
  for (const { resource, request } of entries) {
    // parseBootstrapBundle already checked the type; the guard keeps the compiler honest.
    if (!isResourceType(resource.resourceType)) continue;
    const type = resource.resourceType;
    const body = withConsoleRedirect(resource, consoleUrl);
    if (request.method === 'PUT') {
      await store.update(type, resource.id, body);
    } else if ((await store.read(type, resource.id)) === undefined) {
      await store.create(type, body);
    }
  }
}
