// Demo Users (admin comes from ensureBootstrap). Passwords are the public demo values in
// demo-secrets.ts; the store hashes them on write.
import type { Resource } from '../store/types.ts';
import { DEMO_USER_PASSWORDS } from './demo-secrets.ts';

function user(id: keyof typeof DEMO_USER_PASSWORDS, fields: Record<string, unknown>): Resource {
  return { resourceType: 'User', id, password: DEMO_USER_PASSWORDS[id], ...fields };
}

export function demoUsers(): Resource[] {
  return [
    user('reviewer', {
      email: 'reviewer@devbox.local',
      name: { givenName: 'Riley', familyName: 'Reviewer', formatted: 'Riley Reviewer' },
      data: { role: 'security-reviewer', department: 'Information Security' },
    }),
    user('developer', {
      email: 'developer@devbox.local',
      name: { givenName: 'Devon', familyName: 'Developer', formatted: 'Devon Developer' },
      data: { role: 'developer', department: 'Clinical Integrations' },
    }),
    user('dr-smith', {
      email: 'dr.smith@devbox.local',
      name: { givenName: 'Alex', familyName: 'Smith', formatted: 'Dr. Alex Smith' },
      fhirUser: { reference: 'Practitioner/dr-smith' },
      data: { role: 'clinician', department: 'Internal Medicine' },
    }),
    user('patient-jane', {
      email: 'jane.doe@devbox.local',
      name: { givenName: 'Jane', familyName: 'Doe', formatted: 'Jane Doe' },
      fhirUser: { reference: 'Patient/jane-doe' },
      data: { role: 'patient', patientId: 'jane-doe' },
    }),
    user('former-contractor', {
      email: 'contractor@devbox.local',
      name: { givenName: 'Casey', familyName: 'Former', formatted: 'Casey Former' },
      // Aidbox blocks login with `inactive: true`; `active: false` says the same to FHIR-minded readers.
      inactive: true,
      active: false,
      data: { role: 'developer', department: 'Contractors', leftAt: '2024-11-30' },
    }),
  ];
}
