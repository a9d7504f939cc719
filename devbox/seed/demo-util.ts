// Small builders shared by the demo data files, so each Client reads as "what it is" rather than
// a wall of nested JSON. Dates are relative to seeding time so "secret older than N days" findings
// stay true however long ago the demo was generated.
import { randomBytes } from 'node:crypto';
import type { Resource } from '../store/types.ts';

export interface DemoEnv {
  /** Where the console is served (DevboxConfig.consoleUrl), without a trailing slash. */
  consoleUrl: string;
  /** Seeding time in ms, for relative dates. */
  now: number;
}

export function daysAgo(env: DemoEnv, days: number): string {
  return new Date(env.now - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A fresh 256-bit secret for demo Clients nobody needs to sign in as: only its hash is stored,
 * so the plaintext is gone once seeding finishes.
 */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface Details {
  owner: string;
  team: string;
  [key: string]: unknown;
}

interface Base {
  id: string;
  name: string;
  description: string;
  details: Details;
  active?: boolean;
  [key: string]: unknown;
}

export function client(fields: Base): Resource {
  return { resourceType: 'Client', active: true, ...fields };
}

/** Confidential machine client: client_credentials with a JWT access token. */
export function backendClient(
  fields: Base & { secret?: string; grant_types?: string[] },
  cc: Record<string, unknown> = {},
): Resource {
  return client({
    secret: randomSecret(),
    grant_types: ['client_credentials'],
    ...fields,
    auth: { client_credentials: { token_format: 'jwt', access_token_expiration: 600, ...cc } },
  });
}

/** Public browser or native app: authorization code with PKCE and no secret. */
export function publicApp(
  fields: Base & { redirect_uri: string; first_party?: boolean },
  code: Record<string, unknown> = {},
): Resource {
  const { redirect_uri, ...rest } = fields;
  return client({
    first_party: false,
    grant_types: ['authorization_code', 'refresh_token'],
    ...rest,
    auth: {
      authorization_code: {
        redirect_uri,
        pkce: true,
        secret_required: false,
        token_format: 'jwt',
        access_token_expiration: 900,
        refresh_token: true,
        refresh_token_expiration: 28_800,
        ...code,
      },
    },
  });
}
