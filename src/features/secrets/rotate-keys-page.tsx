import { ClientWizardPage } from './client-wizard-page.tsx';
import { KeyRotationWizard } from './key-rotation-wizard.tsx';
import './key-rotation.css';

/** `/clients/:id/rotate-keys`: a page beside secret rotation, so the impact is read before any write. */
export function RotateKeysPage() {
  return (
    <ClientWizardPage
      action="Rotate the keys of"
      wizard={(id, props) => <KeyRotationWizard key={id} {...props} />}
    />
  );
}
