import { useFormContext } from 'react-hook-form';
import { TextArea, TextField } from '../../components/form/text-field.tsx';
import type { ClientFormValues } from './clients-schema.ts';
import { ScopesSection } from './scopes-section.tsx';

/** Scopes, SMART, origins, and free-form details: one fieldset per concern. */
export function MoreSections({ warnings }: { warnings: Record<string, string[]> }) {
  const { register, formState } = useFormContext<ClientFormValues>();
  const e = formState.errors;
  return (
    <>
      <ScopesSection />
      <fieldset className="cc-section">
        <legend>SMART on FHIR</legend>
        <TextField
          label="Launch URI"
          help="Where an EHR launch starts the app; required for EHR launch. https only."
          error={e.smart?.launch_uri?.message}
          spellCheck={false}
          {...register('smart.launch_uri')}
        />
        <TextField label="App name" help="Shown in SMART app galleries." {...register('smart.name')} />
        <TextArea label="App description" rows={2} {...register('smart.description')} />
      </fieldset>
      <fieldset className="cc-section">
        {/* The JWKS URI is edited with the keys (keys-section.tsx). */}
        <legend>Origins and token exchange</legend>
        <TextArea
          label="Allowed origins"
          help="Browser origins allowed to call Aidbox with this Client, one per line (https://app.example.com)."
          error={e.allowed_origins?.message}
          warnings={warnings.allowed_origins}
          {...register('allowed_origins')}
        />
        <TextArea
          label="Allowed issuers"
          help="Token issuers accepted for token exchange, one per line."
          {...register('allowedIssuers')}
        />
        <TextField
          label="FHIR base URL"
          help="The FHIR base this Client uses, e.g. /patient/fhir for the Patient API."
          {...register('fhir_base_url')}
        />
      </fieldset>
      <fieldset className="cc-section">
        <legend>Details</legend>
        <TextArea
          label="Details (JSON)"
          help="Free-form JSON object; AccessPolicies can read it as client.details."
          rows={5}
          spellCheck={false}
          error={e.details?.message}
          {...register('details')}
        />
      </fieldset>
    </>
  );
}
