// Shared helpers for the auth/access contract tests: create resources through the store and
// call the token endpoint over real HTTP.
import { hashClientSecret, hashPassword } from '../auth/secrets.ts';
import type { Resource } from '../store/types.ts';

import type { TestDevbox } from '../testing/start.ts';

type Fields = { id: string } & Record<string, unknown>;

export async function putClient(box: TestDevbox, client: Fields, secret?: string) {
  const body: Resource = { ...client, resourceType: 'Client' };
  if (secret !== undefined) body.secret = hashClientSecret(secret);
  return (await box.ctx.store.update('Client', client.id, body)).resource;
}

export async function putUser(box: TestDevbox, user: Fields, password?: string) {
  const body: Resource = { ...user, resourceType: 'User' };
  if (password !== undefined) body.password = hashPassword(password);
  return (await box.ctx.store.update('User', user.id, body)).resource;
}

export async function putPolicy(box: TestDevbox, policy: Fields) {
  return (await box.ctx.store.update('AccessPolicy', policy.id, { ...policy, resourceType: 'AccessPolicy' }))
    .resource;
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

export async function token(
  box: TestDevbox,
  params: Record<string, string>,
  opts: { json?: boolean; authorization?: string } = {},
): Promise<TokenResult> {
  const headers: Record<string, string> = {
    'content-type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  if (opts.authorization) headers.authorization = opts.authorization;
  const res = await fetch(`${box.url}/auth/token`, {
    method: 'POST',
    headers,
    body: opts.json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function api(
  box: TestDevbox,
  path: string,
  authorization: string | undefined,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${box.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export const bearer = (t: unknown) => `Bearer ${String(t)}`;

/** The Clients, Users and policy both token and session contract tests run against. */
export async function seedTokenFixture(box: TestDevbox): Promise<void> {
  await putClient(
    box,
    {
      id: 'svc',
      grant_types: ['client_credentials'],
      auth: { client_credentials: { access_token_expiration: 600 } },
    },
    's3cret',
  );
  await putClient(
    box,
    {
      id: 'svc-jwt',
      grant_types: ['client_credentials', 'basic'],
      auth: {
        client_credentials: { token_format: 'jwt', audience: ['https://rs.example'], refresh_token: true },
      },
    },
    'jwt-secret',
  );
  await putClient(box, { id: 'svc-off', active: false, grant_types: ['client_credentials'] }, 'off');
  await putClient(
    box,
    {
      id: 'pw',
      grant_types: ['password'],
      auth: { password: { secret_required: true, refresh_token: true, refresh_token_expiration: 3600 } },
    },
    'pw-secret',
  );
  await putClient(box, {
    id: 'pw-public',
    grant_types: ['password'],
    auth: { password: { secret_required: false, token_format: 'jwt', access_token_expiration: 1 } },
  });
  await putClient(box, {
    id: 'pw-short',
    grant_types: ['password'],
    auth: { password: { refresh_token: true, refresh_token_expiration: 1 } },
  });
  await putClient(box, { id: 'weird', grant_types: ['client_credentials'] }, 'a:b+c%d');
  await putUser(box, { id: 'alice', email: 'alice@example.com' }, 'alice-pw');
  await putUser(box, { id: 'bob', inactive: true }, 'bob-pw');
  await putPolicy(box, {
    id: 't-allow-svc',
    engine: 'allow',
    link: [
      { reference: 'Client/svc' },
      { reference: 'Client/svc-jwt' },
      { reference: 'Client/pw' },
      { reference: 'Client/pw-public' },
    ],
  });
}
