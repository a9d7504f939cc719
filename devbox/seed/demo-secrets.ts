// DEMO ONLY. Known credentials for the few demo Clients and Users that tests and the token
// playground sign in as. They exist only in devbox's demo data; never reuse them anywhere real.
// Every other demo Client gets a random secret at seed time that nobody ever sees.

/** Plaintext secrets of demo Clients, by Client id. */
export const DEMO_SECRETS = {
  /** client_credentials + basic; linked to `backend-read-clinical`. */
  'demo-backend': 'dmo-bk_R7vQ2xL9kP4wN8tZ3yB6cF1hJ5mD0sGa',
  /** Risky on purpose: password grant with secret_required. */
  'legacy-kiosk': 'dmo-ks_T3nW8pX1qL6vB9zK2rF5yH7cM4jD0gSe',
  /** HTTP Basic only (lab interface); linked through the mixed-link policy. */
  'lab-interface': 'dmo-lb_K9fP2sV7xN4qW1zL8tB3yR6cH5mJ0dGu',
} as const satisfies Record<string, string>;

/** Plaintext passwords of demo Users, by User id (admin's comes from BOX_ADMIN_PASSWORD). */
export const DEMO_USER_PASSWORDS = {
  reviewer: 'demo-Reviewer-pass-2931',
  developer: 'demo-Developer-pass-5720',
  'dr-smith': 'demo-DrSmith-pass-8164',
  'patient-jane': 'demo-PatientJane-pass-3047',
  'former-contractor': 'demo-Former-pass-6612',
} as const satisfies Record<string, string>;
