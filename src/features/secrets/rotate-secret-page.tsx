import { ClientWizardPage } from './client-wizard-page.tsx';
import { RotationWizard } from './rotation-wizard.tsx';

/** `/clients/:id/rotate-secret`: a page, so the admin can read the impact before anything happens. */
export function RotateSecretPage() {
  return (
    <ClientWizardPage
      action="Rotate the secret of"
      wizard={(id, props) => <RotationWizard key={id} {...props} />}
    />
  );
}
