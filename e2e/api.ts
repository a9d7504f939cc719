// Talks to devbox as the root client, the way an operator script would: fixtures seed and clean
// up their own data through the real API, never through the database.
import { E2E } from './env.ts';

export interface FhirResource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string };
  [key: string]: unknown;
}

const rootAuth = 'Basic ' + Buffer.from(`root:${E2E.rootSecret}`).toString('base64');

export async function fhir(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${E2E.devboxUrl}/fhir/${path}`, {
    method,
    headers: { authorization: rootAuth, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  return { status: res.status, json, headers: res.headers };
}

export async function createResource(resource: FhirResource): Promise<FhirResource> {
  const r = await fhir('POST', resource.resourceType, resource);
  if (r.status !== 201)
    throw new Error(`seed ${resource.resourceType}/${resource.id}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json as FhirResource;
}

export async function readResource(type: string, id: string): Promise<FhirResource | undefined> {
  const r = await fhir('GET', `${type}/${id}`);
  return r.status === 200 ? (r.json as FhirResource) : undefined;
}

export async function deleteResource(type: string, id: string): Promise<void> {
  await fhir('DELETE', `${type}/${id}`);
}

/** Unique per test run and test, so specs never see each other's data. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A client_credentials token request as an application would send it (secret in the body). */
export async function clientCredentialsToken(clientId: string, secret: string) {
  const res = await fetch(`${E2E.devboxUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
