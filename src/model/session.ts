// Aidbox `Session` (docs/reference/system-resources-reference/core-module-resources.md).
import * as z from 'zod/mini';
import { MetaSchema, ReferenceSchema } from './meta.ts';

export const SessionSchema = z.looseObject({
  resourceType: z.literal('Session'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  user: z.optional(ReferenceSchema),
  client: z.optional(ReferenceSchema),
  type: z.optional(z.string()),
  active: z.optional(z.boolean()),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  exp: z.optional(z.union([z.number(), z.string()])),
  refresh_token_exp: z.optional(z.union([z.number(), z.string()])),
  // A string in Aidbox's Session reference (core-module-resources.md); an array in older devbox data.
  scope: z.optional(z.union([z.string(), z.array(z.string())])),
  audience: z.optional(z.union([z.string(), z.array(z.string())])),
  iss: z.optional(z.string()),
  jti: z.optional(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;
