// The short "create by application type" form: only what differs between deployments; everything
// else comes from the kind's secure defaults (domain/client-kinds.ts).
import * as z from 'zod/mini';
import type { ClientKind } from '../../domain/client-kinds.ts';
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
  launchUri: z.string().check(z.trim()),
  /** SMART kinds: the allowed scopes as typed (spaces or lines). */
  scope: z.string(),
});
export type CreateClientValues = z.infer<typeof createClientSchema>;

export const EMPTY_CREATE: CreateClientValues = {
  id: '',
  name: '',
  redirectUri: '',
  allowBasic: false,
  launchUri: '',
  scope: '',
};

/** The form's starting values: a SMART kind starts from its default scopes, one per line. */
export function createDefaults(kind: ClientKind): CreateClientValues {
  return { ...EMPTY_CREATE, scope: (kind.defaultScopes ?? []).join('\n') };
}

/** Where a domain rule's message shows: a field of this short form, the key setup, or the form. */
export function createFieldForPath(path: string): keyof CreateClientValues | 'keys' | undefined {
  if (path === 'id') return 'id';
  if (path.endsWith('.redirect_uri')) return 'redirectUri';
  if (path === 'smart.launch_uri') return 'launchUri';
  if (path === 'scope' || path.startsWith('scope.')) return 'scope';
  if (path.startsWith('jwks')) return 'keys';
  return undefined;
}
