import { useFormContext, useWatch } from 'react-hook-form';
import type { ClientFormValues } from './clients-schema.ts';
import { ScopeEditor } from './scope-editor.tsx';

/** The editor's Scopes section: the Client's `scope` list with live parsing, lints and a grant preview. */
export function ScopesSection() {
  const { register, formState, control } = useFormContext<ClientFormValues>();
  const value = useWatch({ control, name: 'scope' });
  return (
    <fieldset className="cc-section">
      <legend>Scopes</legend>
      <ScopeEditor value={value} error={formState.errors.scope?.message} {...register('scope')} />
    </fieldset>
  );
}
