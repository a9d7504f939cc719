// Client and User lookups with the activity rules devbox applies everywhere.
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';

/** `active: false` disables a Client; an absent `active` counts as active (seeded and demo data omit it). */
export function clientIsActive(client: Resource): boolean {
  return client.active !== false;
}

/** Aidbox blocks login with `inactive: true`; devbox also honours `active: false`. */
export function userIsActive(user: Resource): boolean {
  return user.inactive !== true && user.active !== false;
}

export function userView(user: Resource): Resource {
  const { password: _p, ...rest } = user;
  return rest;
}

export async function readClient(ctx: DevboxContext, id: string): Promise<Resource | undefined> {
  return id ? ctx.store.read('Client', id) : undefined;
}

/** Users log in by id or by userName/email (Aidbox accepts the User id as "username"). */
export async function findUser(ctx: DevboxContext, username: string): Promise<Resource | undefined> {
  if (!username) return undefined;
  const byId = await ctx.store.read('User', username);
  if (byId) return byId;
  const users = await ctx.store.list('User');
  return users.find((u) => u.userName === username || u.email === username);
}

export function grantTypes(client: Resource): string[] {
  return Array.isArray(client.grant_types)
    ? client.grant_types.filter((g): g is string => typeof g === 'string')
    : [];
}

export function refId(ref: unknown, type: string): string | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as { reference?: unknown; resourceType?: unknown; id?: unknown };
  if (typeof r.reference === 'string' && r.reference.startsWith(`${type}/`)) {
    return r.reference.slice(type.length + 1);
  }
  if (r.resourceType === type && typeof r.id === 'string') return r.id;
  return undefined;
}
