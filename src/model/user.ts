// Aidbox `User` (docs/reference/system-resources-reference/core-module-resources.md, "User").
import * as z from 'zod/mini';
import { MetaSchema, ReferenceSchema } from './meta.ts';

export const UserSchema = z.looseObject({
  resourceType: z.literal('User'),
  id: z.optional(z.string()),
  meta: z.optional(MetaSchema),
  email: z.optional(z.string()),
  userName: z.optional(z.string()),
  name: z.optional(
    z.looseObject({
      givenName: z.optional(z.string()),
      familyName: z.optional(z.string()),
      formatted: z.optional(z.string()),
    }),
  ),
  active: z.optional(z.boolean()),
  inactive: z.optional(z.boolean()),
  fhirUser: z.optional(ReferenceSchema),
  data: z.optional(z.unknown()),
});
export type User = z.infer<typeof UserSchema>;
