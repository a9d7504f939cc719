// PLACEHOLDER owned by the auth/policy work: authenticates /fhir requests (bearer or Basic) and
// evaluates AccessPolicies. Until that lands it lets every request through.
import type { MiddlewareHandler } from 'hono';
import type { DevboxContext } from '../context.ts';

export function accessControl(_ctx: DevboxContext): MiddlewareHandler {
  return async (_c, next) => {
    await next();
  };
}
