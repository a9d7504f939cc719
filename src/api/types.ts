// Zod schemas (zod/mini, as everywhere in src/) for the Aidbox envelopes the console reads:
// OperationOutcome and Bundle. Resources (Client, AccessPolicy, Session, User) live in src/model/.
import * as z from 'zod/mini';

export const OperationOutcomeIssueSchema = z.looseObject({
  severity: z.optional(z.string()),
  code: z.optional(z.string()),
  diagnostics: z.optional(z.string()),
  details: z.optional(z.looseObject({ text: z.optional(z.string()) })),
  expression: z.optional(z.array(z.string())),
  location: z.optional(z.array(z.string())),
});
export type OperationOutcomeIssue = z.infer<typeof OperationOutcomeIssueSchema>;

export const OperationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(OperationOutcomeIssueSchema),
});
export type OperationOutcome = z.infer<typeof OperationOutcomeSchema>;

export const BundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

/** A searchset Bundle; entries are kept raw and parsed per resource by the resource module. */
export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.optional(z.string()),
  total: z.optional(z.number()),
  link: z.optional(z.array(BundleLinkSchema)),
  entry: z.optional(
    z.array(z.looseObject({ fullUrl: z.optional(z.string()), resource: z.optional(z.unknown()) })),
  ),
});
export type Bundle = z.infer<typeof BundleSchema>;
