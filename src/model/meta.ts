// Shapes every Aidbox resource shares (docs/api/rest-api/crud: meta; references in both documented
// forms, FHIR `{reference}` and Aidbox `{resourceType, id}`).
import * as z from 'zod/mini';

export const ReferenceSchema = z.looseObject({
  reference: z.optional(z.string()),
  resourceType: z.optional(z.string()),
  id: z.optional(z.string()),
  display: z.optional(z.string()),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const MetaSchema = z.looseObject({
  versionId: z.optional(z.string()),
  lastUpdated: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type Meta = z.infer<typeof MetaSchema>;
