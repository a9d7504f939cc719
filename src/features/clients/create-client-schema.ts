// The short "create by application type" form: only what differs between deployments; everything
// else comes from the kind's secure defaults (domain/client-kinds.ts).
import * as z from 'zod/mini';
import { CLIENT_ID_PATTERN } from '../../domain/client-validation.ts';

export const createClientSchema = z.object({
  id: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter a client id.'),
      z.regex(
        CLIENT_ID_PATTERN,
        'Use 1–64 characters: letters, digits, "-" and "." only (the id is the OAuth client_id).',
      ),
    ),
  name: z.string().check(z.trim()),
  redirectUri: z.string(),
  allowBasic: z.boolean(),
});
export type CreateClientValues = z.infer<typeof createClientSchema>;

export const EMPTY_CREATE: CreateClientValues = { id: '', name: '', redirectUri: '', allowBasic: false };

/** Domain rule paths → fields of this short form. */
export function createFieldForPath(path: string): keyof CreateClientValues | undefined {
  if (path === 'id') return 'id';
  if (path.endsWith('.redirect_uri')) return 'redirectUri';
  return undefined;
}
