import { useFormContext } from 'react-hook-form';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { TextArea, TextField } from '../../components/form/text-field.tsx';
import type { ClientFormValues } from './clients-schema.ts';

export function IdentitySection({ warnings }: { warnings: Record<string, string[]> }) {
  const { register, formState } = useFormContext<ClientFormValues>();
  const e = formState.errors;
  return (
    <fieldset className="cc-section">
      <legend>Identity</legend>
      <TextField
        label="Name"
        help="A label for admins; SMART apps may show it to users."
        error={e.name?.message}
        {...register('name')}
      />
      <TextArea
        label="Description"
        help="What the application is and who owns it."
        error={e.description?.message}
        {...register('description')}
      />
      <TextField
        label="Type"
        help="Free-form. “smart-app” adds SMART claims to tokens; “bulk-api-client” marks bulk export clients."
        list="cc-client-types"
        error={e.type?.message}
        {...register('type')}
      />
      <datalist id="cc-client-types">
        <option value="smart-app" />
        <option value="bulk-api-client" />
      </datalist>
      <Checkbox
        label="Active"
        help="An inactive Client cannot authenticate or get new tokens."
        warnings={warnings.active}
        {...register('active')}
      />
      <Checkbox
        label="First party"
        help="Skips the consent page and shares the Aidbox login session; only for your own apps."
        {...register('first_party')}
      />
      <Checkbox
        label="Trusted"
        help="Aidbox grants trusted Clients special privileges; leave off unless you know you need it."
        {...register('trusted')}
      />
    </fieldset>
  );
}
