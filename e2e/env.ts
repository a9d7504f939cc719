// Where the e2e servers live. Own ports, so e2e never collides with `npm start` (8888/5173);
// E2E_DEVBOX_PORT / E2E_CONSOLE_PORT move them when two suites share a machine.
const devboxPort = Number(process.env.E2E_DEVBOX_PORT ?? 8890);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 5190);

export const E2E = {
  devboxPort,
  consolePort,
  devboxUrl: `http://127.0.0.1:${devboxPort}`,
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  rootSecret: 'e2e-root-secret-0123456789abcdef',
  adminPassword: 'e2e-admin-password',
  consoleClientId: 'aidbox-console',
} as const;
