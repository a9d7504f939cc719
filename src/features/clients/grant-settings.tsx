import { useFormContext } from 'react-hook-form';
import type { AuthKey } from '../../model/client.ts';
import { Checkbox, Select } from '../../components/form/choice-fields.tsx';
import { TextArea, TextField } from '../../components/form/text-field.tsx';
import type { ClientFormValues, GrantFormValues } from './clients-schema.ts';

type Field = keyof GrantFormValues;

/** Which settings Aidbox documents for each grant block (aidbox-api.md §1.1). */
const FIELDS: Record<AuthKey, Field[]> = {
  authorization_code: [
    'redirect_uri',
    'pkce',
    'secret_required',
    'token_format',
    'access_token_expiration',
    'refresh_token',
    'refresh_token_expiration',
    'audience',
  ],
  client_credentials: [
    'token_format',
    'access_token_expiration',
    'refresh_token',
    'refresh_token_expiration',
    'audience',
  ],
  password: [
    'redirect_uri',
    'secret_required',
    'token_format',
    'access_token_expiration',
    'refresh_token',
    'refresh_token_expiration',
    'audience',
  ],
  implicit: ['redirect_uri', 'token_format', 'access_token_expiration', 'audience'],
  token_exchange: [
    'token_format',
    'access_token_expiration',
    'refresh_token',
    'refresh_token_expiration',
    'audience',
  ],
};

const TITLES: Record<AuthKey, string> = {
  authorization_code: 'Authorization code settings',
  client_credentials: 'Client credentials settings',
  password: 'Password grant settings (legacy)',
  implicit: 'Implicit grant settings (legacy)',
  token_exchange: 'Token exchange settings',
};

const LABELS: Record<Field, [string, string]> = {
  redirect_uri: [
    'Redirect URI',
    'The one exact address users return to. https only (loopback IPs for native apps); no wildcards, no “#”.',
  ],
  pkce: ['Require PKCE', 'Required for public clients; recommended for all (RFC 9700 §2.1.1).'],
  secret_required: [
    'Require the client secret',
    'The app must send its secret when exchanging the code. Not for browser or mobile apps.',
  ],
  token_format: ['Token format', 'JWT access tokens can be verified offline; empty means opaque tokens.'],
  access_token_expiration: [
    'Access token lifetime (seconds)',
    'Keep it short: 300–900 s for user apps. Empty uses the Aidbox default.',
  ],
  refresh_token: ['Issue refresh tokens', 'Lets the app renew access without the user signing in again.'],
  refresh_token_expiration: [
    'Refresh token lifetime (seconds)',
    'An absolute limit. Empty means the token never expires.',
  ],
  audience: ['Audience', 'Allowed audiences (aud), one per line.'],
};

export function GrantSettingsFieldset({
  grant,
  warnings,
}: {
  grant: AuthKey;
  warnings: Record<string, string[]>;
}) {
  const { register, formState } = useFormContext<ClientFormValues>();
  const errors = formState.errors.auth?.[grant];

  function common(field: Field) {
    const [label, help] = LABELS[field];
    return { label, help, error: errors?.[field]?.message, warnings: warnings[`auth.${grant}.${field}`] };
  }

  return (
    <fieldset className="cc-section">
      <legend>{TITLES[grant]}</legend>
      {FIELDS[grant].map((field) => {
        const name = `auth.${grant}.${field}` as const;
        if (field === 'pkce' || field === 'secret_required' || field === 'refresh_token') {
          return <Checkbox key={field} {...common(field)} {...register(name)} />;
        }
        if (field === 'token_format') {
          return (
            <Select key={field} {...common(field)} {...register(name)}>
              <option value="">Opaque (default)</option>
              <option value="jwt">JWT</option>
            </Select>
          );
        }
        if (field === 'audience')
          return <TextArea key={field} rows={2} {...common(field)} {...register(name)} />;
        return (
          <TextField
            key={field}
            inputMode={field === 'redirect_uri' ? 'url' : 'numeric'}
            spellCheck={false}
            {...common(field)}
            {...register(name)}
          />
        );
      })}
    </fieldset>
  );
}
