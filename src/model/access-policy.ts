// Aidbox `AccessPolicy` (docs/access-control/authorization/access-policies.md): the one place its
// shape is written. `link` entries come in either documented form (see meta.ts Reference).
import * as z from 'zod/mini';
import { MetaSchema, ReferenceSchema } from './meta.ts';

export const AccessPolicySchema = z.looseObject({
  resourceType: z.literal('AccessPolicy'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  engine: z.optional(z.string()),
  type: z.optional(z.string()),
  description: z.optional(z.string()),
  roleName: z.optional(z.string()),
  link: z.optional(z.array(ReferenceSchema)),
  matcho: z.optional(z.unknown()),
  schema: z.optional(z.unknown()),
  sql: z.optional(z.looseObject({ query: z.optional(z.string()) })),
  and: z.optional(z.array(z.unknown())),
  or: z.optional(z.array(z.unknown())),
  rpc: z.optional(z.record(z.string(), z.unknown())),
  module: z.optional(z.string()),
});
export type AccessPolicy = z.infer<typeof AccessPolicySchema>;
