// Where the e2e servers live. Own ports, so e2e never collides with `npm start` (8888/5173).
export const E2E = {
  devboxUrl: 'http://127.0.0.1:8890',
  consoleUrl: 'http://127.0.0.1:5190',
  rootSecret: 'e2e-root-secret-0123456789abcdef',
  adminPassword: 'e2e-admin-password',
  consoleClientId: 'aidbox-console',
} as const;
