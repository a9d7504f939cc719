// What the create form writes: the kind's secure defaults filled from the short form, checked by
// the same rules as the editor, plus what only a new Client of a kind needs (a launch URI, at
// least one scope, its public keys). Returns every problem at once so the form shows them together.
import type { ClientKind } from '../../domain/client-kinds.ts';
import { validateClient, type RuleIssue } from '../../domain/client-validation.ts';
import { secretFingerprint } from '../../domain/fingerprint.ts';
import { scopeRuleErrors } from '../../domain/scope-check.ts';
import { splitScopes } from '../../domain/smart-scopes.ts';
import type { Client } from '../../model/client.ts';
import type { KeySetupValue } from '../../components/keys/key-setup.tsx';
import type { CreateClientValues } from './create-client-schema.ts';

export interface NewClient {
  resource: Client & { id: string };
  /** SHA-256 fingerprint of a generated secret; '' when the kind has none. */
  fingerprint: string;
  errors: RuleIssue[];
}

export interface KeyChoice {
  value: KeySetupValue;
  /** KeySetup's verdict: keys or a usable URI, no problems, nothing pending. */
  valid: boolean;
}

export async function buildNewClient(
  kind: ClientKind,
  values: CreateClientValues,
  keys: KeyChoice,
): Promise<NewClient> {
  const smart = kind.defaultScopes !== undefined;
  const built = kind.build({
    id: values.id,
    ...(values.name ? { name: values.name } : {}),
    ...(kind.needsRedirectUri ? { redirectUri: values.redirectUri } : {}),
    allowBasic: values.allowBasic,
    ...(kind.launchUri && values.launchUri ? { launchUri: values.launchUri } : {}),
    ...(smart ? { scope: splitScopes(values.scope) } : {}),
    ...(kind.credential === 'keys' ? { keys: keys.value } : {}),
  });
  // Recorded like a rotation does, so the secret's age is known from day one and the review
  // does not call a brand-new secret "never rotated".
  const fingerprint = built.secret ? await secretFingerprint(built.secret) : '';
  const resource = built.secret
    ? { ...built, details: { secretRotatedAt: new Date().toISOString(), secretFingerprint: fingerprint } }
    : built;
  const errors = [
    ...validateClient(resource, { isNew: true, clientKind: kind.id }).errors,
    ...scopeRuleErrors(resource.scope),
  ];
  if (kind.launchUri === 'required' && !values.launchUri) {
    errors.push({ path: 'smart.launch_uri', message: 'Enter the launch URI the EHR opens the app at.' });
  }
  // An empty list would leave the Client unrestricted by scopes: never the default of a SMART app.
  if (smart && (resource.scope ?? []).length === 0) {
    errors.push({ path: 'scope', message: 'Enter at least the scopes the app needs.' });
  }
  if (kind.credential === 'keys' && !keys.valid) {
    errors.push({
      path: 'jwks',
      message:
        'Add its public key first: generate a key pair (and download the private key), paste a public key, or give a JWKS URI, and fix any problem shown.',
    });
  }
  return { resource, fingerprint, errors };
}
