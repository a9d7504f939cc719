import { useFormContext, useWatch } from 'react-hook-form';
import { AUTH_KEYS, GRANT_TYPES, TOKEN_EXCHANGE_GRANT, authKeyForGrant } from '../../domain/client-grants.ts';
import type { AuthKey } from '../../model/client.ts';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import type { ClientFormValues } from './clients-schema.ts';
import { GrantSettingsFieldset } from './grant-settings.tsx';

const GRANT_HELP: Record<string, string> = {
  authorization_code: 'Users sign in through Aidbox and the app gets a code (use with PKCE).',
  code: 'Aidbox’s alias of authorization_code, used by its tutorials.',
  client_credentials: 'The app authenticates as itself, no user involved.',
  refresh_token: 'Lets the app renew access tokens without the user.',
  basic: 'HTTP Basic with the client id and secret on every API call.',
  [TOKEN_EXCHANGE_GRANT]: 'Exchanges a token from a trusted issuer for an Aidbox token.',
  password: 'Legacy: the app handles user passwords. Must not be used (RFC 9700 §2.4).',
  implicit: 'Legacy: tokens in the URL. Must not be used (RFC 9700 §2.1.2).',
};

const LEGACY = ['implicit', 'password'];

interface GrantsSectionProps {
  warnings: Record<string, string[]>;
  /** Grants the stored Client already had (legacy ones are then tolerated, not refused). */
  loadedGrants: string[];
}

export function GrantsSection({ warnings, loadedGrants }: GrantsSectionProps) {
  const { register, control, formState } = useFormContext<ClientFormValues>();
  const grants = useWatch({ control, name: 'grant_types' });
  const enabled = new Set(grants.map(authKeyForGrant).filter((k): k is AuthKey => k !== undefined));
  const newLegacy = grants.filter((g) => LEGACY.includes(g) && !loadedGrants.includes(g));
  const error = formState.errors.grant_types?.message;

  return (
    <>
      <fieldset className="cc-section" aria-describedby={error ? 'cc-grants-error' : undefined}>
        <legend>Grant types</legend>
        <div className="cc-row">
          {GRANT_TYPES.map((g) => (
            <Checkbox
              key={g}
              label={g === TOKEN_EXCHANGE_GRANT ? 'token exchange' : g}
              help={GRANT_HELP[g]}
              value={g}
              {...register('grant_types')}
            />
          ))}
        </div>
        {error && (
          <p id="cc-grants-error" className="field-error">
            {error}
          </p>
        )}
        {warnings.grant_types?.map((w) => (
          <p key={w} className="field-warning">
            ⚠ {w}
          </p>
        ))}
        {newLegacy.length > 0 && (
          <div className="cc-callout cc-callout-danger">
            <p>
              {newLegacy.join(' and ')} {newLegacy.length > 1 ? 'are' : 'is'} refused for new use: RFC 9700
              says these grants must no longer be used, because they leak tokens or passwords. Use
              authorization code with PKCE instead.
            </p>
            <Checkbox
              label="I need this legacy grant for an existing integration and accept the risk"
              {...register('legacyOverride')}
            />
          </div>
        )}
      </fieldset>
      {AUTH_KEYS.filter((k) => enabled.has(k)).map((k) => (
        <GrantSettingsFieldset key={k} grant={k} warnings={warnings} />
      ))}
    </>
  );
}
