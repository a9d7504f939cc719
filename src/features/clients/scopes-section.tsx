import { useFormContext, useWatch } from 'react-hook-form';
import { splitScopes } from '../../domain/smart-scopes.ts';
import type { ClientFormValues } from './clients-schema.ts';
import { ScopeEditor } from './scope-editor.tsx';

const REFRESH_SCOPES = ['offline_access', 'online_access'];

/** The editor's Scopes section: the Client's `scope` list with live parsing, lints and a grant preview. */
export function ScopesSection() {
  const { register, formState, control } = useFormContext<ClientFormValues>();
  const [value, grants, refresh, refreshTtl] = useWatch({
    control,
    name: [
      'scope',
      'grant_types',
      'auth.authorization_code.refresh_token',
      'auth.authorization_code.refresh_token_expiration',
    ],
  });
  // SMART's refresh scopes mean refresh tokens, and Aidbox's never expire without a lifetime.
  const asksRefresh = splitScopes(value).find((s) => REFRESH_SCOPES.includes(s));
  const codeGrant = grants.some((g) => g === 'authorization_code' || g === 'code');
  const warnings =
    asksRefresh && codeGrant && (!refresh || refreshTtl === '')
      ? [
          `${asksRefresh} asks for refresh tokens: turn on refresh tokens for the authorization code grant, with a refresh token lifetime (Aidbox treats a missing one as never expiring).`,
        ]
      : undefined;
  return (
    <fieldset className="cc-section">
      <legend>Scopes</legend>
      <ScopeEditor
        value={value}
        error={formState.errors.scope?.message}
        warnings={warnings}
        {...register('scope')}
      />
    </fieldset>
  );
}
