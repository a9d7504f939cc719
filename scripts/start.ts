// `npm start`: build the console, start devbox (data kept in .devbox/), serve the console with its
// CSP, print where to go and how to sign in; Ctrl-C stops both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConsoleServer } from './serve.ts';

const DEVBOX_PORT = 8888;
const CONSOLE_PORT = 5173;
const HOST = '127.0.0.1';
const aidboxUrl = `http://${HOST}:${DEVBOX_PORT}`;
const consoleUrl = `http://${HOST}:${CONSOLE_PORT}`;
const adminPassword = process.env.BOX_ADMIN_PASSWORD ?? 'devbox-admin';
const devMode = !/^(0|false|no|off)$/i.test(process.env.BOX_SECURITY_DEV_MODE ?? 'true');

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`devbox exited with code ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  console.log('Building the console…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const busy = await fetch(`${aidboxUrl}/health`).then(
    () => true,
    () => false,
  );
  if (busy) {
    console.error(`Port ${DEVBOX_PORT} is already in use (another npm start or devbox?). Stop it and retry.`);
    process.exit(1);
  }
  console.log('Starting devbox…');
  // One node process with tsx as a loader (not npx → tsx → node), so SIGTERM reaches devbox itself.
  const devboxArgs = [
    '--import',
    'tsx',
    'devbox/main.ts',
    '--port',
    String(DEVBOX_PORT),
    '--data',
    '.devbox',
  ];
  const devbox = spawn(process.execPath, devboxArgs, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      BOX_ADMIN_PASSWORD: adminPassword,
      BOX_SECURITY_CORS_ORIGINS: consoleUrl,
      // The demo shows everything (issue 11 §4): /auth/test-policy and __debug=policy need dev mode.
      // `BOX_SECURITY_DEV_MODE=false npm start` tries the console as on a production Aidbox.
      BOX_SECURITY_DEV_MODE: devMode ? 'true' : 'false',
      DEVBOX_CONSOLE_URL: consoleUrl,
    },
  });

  const server = createConsoleServer({
    port: CONSOLE_PORT,
    host: HOST,
    aidboxUrl,
    clientId: 'aidbox-console',
    scopes: 'openid',
    root: 'dist',
  });

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    server.close();
    if (devbox.exitCode === null) devbox.kill('SIGTERM');
    const force = setTimeout(() => process.exit(code), 5_000);
    devbox.once('exit', () => {
      clearTimeout(force);
      process.exit(code);
    });
    if (devbox.exitCode !== null) process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  devbox.once('exit', (code) => {
    if (!stopping) {
      console.error(`devbox stopped unexpectedly (exit ${code ?? 'signal'})`);
      stop(1);
    }
  });

  try {
    await waitForHealth(`${aidboxUrl}/health`, devbox);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    stop(1);
    return;
  }
  server.once('error', (e: NodeJS.ErrnoException) => {
    console.error(
      e.code === 'EADDRINUSE' ? `Port ${CONSOLE_PORT} is already in use. Stop that server and retry.` : e,
    );
    stop(1);
  });
  server.listen(CONSOLE_PORT, HOST, () => {
    console.log('');
    console.log(`  Aidbox Client Console  ${consoleUrl}`);
    console.log(
      `  Sign in as             admin / ${process.env.BOX_ADMIN_PASSWORD ? '(BOX_ADMIN_PASSWORD)' : adminPassword}`,
    );
    console.log(`  devbox (Aidbox API)    ${aidboxUrl}   data in .devbox/`);
    console.log(
      devMode
        ? '  Development mode       on (policy debugging); BOX_SECURITY_DEV_MODE=false npm start to try without'
        : '  Development mode       off, as on most production Aidboxes',
    );
    // devbox/seed/demo-smart.ts writes it when the demo data is first seeded (never committed).
    console.log('  SMART demo private key .devbox/demo-smart-backend-key.json (for the playground)');
    console.log('  Ctrl-C stops both.');
  });
}

void main();
